package dev.retort.migrate.cli;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Revision;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** What every command shares: the configuration options, output, and the revisions and database they name. */
abstract class MigrateSubcommand implements Callable<Integer> {
    static final String CONFIG_PROPERTY = "retort.migrate.config";

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:" + CONFIG_PROPERTY + ":-" + MigrateConfig.FILE + "}")
    Path config;

    @Option(names = "--url", paramLabel = "URL",
            description = "The database URL, instead of the one the configuration or RETORT_MIGRATE_URL gives.")
    String url;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    MigrateConfig settings() {
        return MigrateConfig.load(config, url);
    }

    static Migrations migrations(MigrateConfig settings) {
        return settings.migrations();
    }

    static Engine engine(MigrateConfig settings) {
        return Engine.create(settings.url());
    }

    /** {@code id (message)}. */
    static String describe(Revision r) {
        return r.id() + (r.message().isEmpty() ? "" : " (" + r.message() + ")");
    }

    /** Heads as words: {@code base} for none. */
    static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
