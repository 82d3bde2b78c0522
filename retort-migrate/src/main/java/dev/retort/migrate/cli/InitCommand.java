package dev.retort.migrate.cli;

import dev.retort.ConfigurationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code init}: writes {@code retort-migrate.properties} and makes the revisions' package folder. */
@Command(name = "init", description = "Write retort-migrate.properties and make the migrations package's folder.")
final class InitCommand extends MigrateSubcommand {
    @Option(names = "--package", required = true, paramLabel = "PACKAGE",
            description = "The package of the revision classes, e.g. com.example.migrations.")
    String packageName;

    @Option(names = "--source-directory", paramLabel = "DIR", defaultValue = "src/main/java",
            description = "The source root that holds the package, relative to the configuration file (default: ${DEFAULT-VALUE}).")
    String sourceDirectory;

    @Option(names = "--version-table", paramLabel = "NAME", defaultValue = "retort_version",
            description = "The table that records the applied revisions (default: ${DEFAULT-VALUE}).")
    String versionTable;

    @Option(names = "--force", description = "Overwrite an existing configuration file.")
    boolean force;

    @Override
    public Integer call() {
        if (!packageName.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new ConfigurationException("--package " + packageName + " is not a Java package name, such as "
                    + "com.example.migrations.");
        }
        Path file = config.toAbsolutePath();
        if (Files.exists(file) && !force) {
            throw new ConfigurationException(file + " exists already. Edit it, or pass --force to write it anew.");
        }
        Path folder = file.getParent().resolve(sourceDirectory).resolve(packageName.replace('.', '/')).normalize();
        try {
            Files.createDirectories(folder);
            Path info = folder.resolve("package-info.java");
            if (!Files.exists(info)) {
                Files.writeString(info, "/**\n * The database's migrations: one revision class per change, written by "
                        + "retort-migrate revision.\n */\npackage " + packageName + ";\n", StandardCharsets.UTF_8);
            }
            Files.writeString(file, properties(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + " or " + folder, e);
        }
        out().println("Wrote " + file);
        out().println("Revisions go in " + folder);
        return MigrateCommand.EXIT_OK;
    }

    private String properties() {
        return "# retort-migrate settings; see docs/migrations.md.\n"
                + "\n"
                + "# The database, as a Retort URL. --url, the RETORT_MIGRATE_URL environment variable and the\n"
                + "# retort.migrate.url system property override it (keep passwords out of this file).\n"
                + "url=" + (url == null ? "sqlite:///app.db" : url) + "\n"
                + "\n"
                + "# The package whose classes are the revisions.\n"
                + "package=" + packageName + "\n"
                + "\n"
                + "# The source root that holds that package, relative to this file; 'revision' writes there.\n"
                + "source-directory=" + sourceDirectory + "\n"
                + "\n"
                + "# source: the tool compiles the package's revision sources (a new file counts at once);\n"
                + "# classpath: it uses the compiled revision classes on its class path.\n"
                + "revisions=source\n"
                + "\n"
                + "# The table that records which revisions the database has applied.\n"
                + "version-table=" + versionTable + "\n"
                + "\n"
                + "# For 'revision --autogenerate' and 'check': a public static field, or a public static method\n"
                + "# without parameters, that returns the model's MetaData.\n"
                + "#model=com.example.Schema#METADATA\n"
                + "\n"
                + "# Optional: the same for an AutogenerateOptions (what autogenerate ignores).\n"
                + "#autogenerate-options=com.example.Schema#migrationOptions\n";
    }
}
