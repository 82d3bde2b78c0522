package dev.retort.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process with captured output, against one configuration file. */
final class Cli {
    /**
     * What a command did.
     *
     * @param code the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int code, String out, String err) {
    }

    private final Path config;
    private final String url;

    Cli(Path config, String url) {
        this.config = config;
        this.url = url;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty()) {
            all.add(1, "--config");
            all.add(2, config.toString());
            if (url != null) {
                all.add(3, "--url");
                all.add(4, url);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MigrateCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(new String[0]));
        return new Result(code, out.toString(), err.toString());
    }
}
