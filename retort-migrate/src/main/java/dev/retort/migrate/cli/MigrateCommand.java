package dev.retort.migrate.cli;

import dev.retort.RetortException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code retort-migrate} command line: {@code init}, {@code revision}, {@code upgrade},
 * {@code downgrade}, {@code current}, {@code history}, {@code heads}, {@code stamp},
 * {@code check} and {@code lint}. Settings come from {@code retort-migrate.properties} (see docs/migrations.md).
 *
 * <pre>{@code
 * java -cp <application class path> dev.retort.migrate.cli.MigrateCommand upgrade head
 * }</pre>
 *
 * <p>Exit codes: {@link #EXIT_OK}, {@link #EXIT_DIFFERENCES} ({@code check} found differences),
 * {@link #EXIT_FINDINGS} ({@code lint} found something at or above {@code --fail-on}),
 * {@link #EXIT_USAGE} (a command line picocli cannot read), {@link #EXIT_FAILED} (the command
 * failed: an unknown revision, several heads, a revision that does not compile, a database error;
 * the message is printed to standard error).
 */
@Command(name = "retort-migrate", mixinStandardHelpOptions = true, version = "retort-migrate 0.1.0",
        description = "Versioned, reversible schema migrations for Retort.",
        subcommands = {InitCommand.class, RevisionCommand.class, UpgradeCommand.class, DowngradeCommand.class,
                CurrentCommand.class, HistoryCommand.class, HeadsCommand.class, StampCommand.class, CheckCommand.class,
                LintCommand.class})
public final class MigrateCommand implements Runnable {
    /** The command did what it was asked. */
    public static final int EXIT_OK = 0;
    /** {@code check}: the model and the database differ. */
    public static final int EXIT_DIFFERENCES = 1;
    /** The command line is malformed: an unknown command or option, a missing argument. */
    public static final int EXIT_USAGE = 2;
    /** The command failed; the reason is on standard error. */
    public static final int EXIT_FAILED = 3;
    /** {@code lint}: a finding is at or above the {@code --fail-on} level. */
    public static final int EXIT_FINDINGS = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command; the command line makes it. */
    public MigrateCommand() {
    }

    /** Without a subcommand: prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line, ready to {@code execute(args)}, writing to the given streams: what tests
     * and programs embedding the tool use.
     *
     * @param out where results go
     * @param err where errors go
     * @return the command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new MigrateCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            w.println("error: " + e.getMessage());
            if (!(e instanceof RetortException)) {
                e.printStackTrace(w);
            }
            w.flush();
            return EXIT_FAILED;
        });
        return cmd;
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line, e.g. {@code upgrade head}
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
