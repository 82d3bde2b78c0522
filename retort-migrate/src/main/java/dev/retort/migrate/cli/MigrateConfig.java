package dev.retort.migrate.cli;

import dev.retort.ConfigurationException;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.autogenerate.AutogenerateOptions;
import dev.retort.schema.MetaData;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The settings of {@code retort-migrate.properties}: the database URL, the revisions' package and
 * source folder, where revisions come from (sources compiled by the tool, or compiled classes on
 * the class path), the version table, and the model for autogenerate. Paths are relative to the
 * file's folder. The URL can be overridden by {@code --url}, the {@code RETORT_MIGRATE_URL}
 * environment variable or the {@code retort.migrate.url} system property (in that order), so that
 * a password need not be in the file. Immutable.
 */
final class MigrateConfig {
    static final String FILE = "retort-migrate.properties";
    static final String URL_VARIABLE = "RETORT_MIGRATE_URL";
    static final String URL_PROPERTY = "retort.migrate.url";

    private final Path file;
    private final String url;
    private final String packageName;
    private final Path sourceDirectory;
    private final boolean fromSources;
    private final String versionTable;
    private final String model;
    private final String autogenerateOptions;

    private MigrateConfig(Path file, Properties p, String urlOverride) {
        this.file = file;
        Path base = file.toAbsolutePath().getParent();
        this.url = firstOf(urlOverride, System.getenv(URL_VARIABLE), System.getProperty(URL_PROPERTY), p.getProperty("url"));
        this.packageName = required(p, "package");
        this.sourceDirectory = base.resolve(p.getProperty("source-directory", "src/main/java").strip()).normalize();
        String revisions = p.getProperty("revisions", "source").strip();
        if (!revisions.equals("source") && !revisions.equals("classpath")) {
            throw new ConfigurationException(file + ": revisions=" + revisions + " is neither 'source' (compile the "
                    + "revision sources) nor 'classpath' (use the compiled classes).");
        }
        this.fromSources = revisions.equals("source");
        this.versionTable = p.getProperty("version-table", "retort_version").strip();
        this.model = blankToNull(p.getProperty("model"));
        this.autogenerateOptions = blankToNull(p.getProperty("autogenerate-options"));
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @param urlOverride the {@code --url} option, or {@code null}
     * @return the settings
     * @throws ConfigurationException if the file is missing or lacks a setting
     */
    static MigrateConfig load(Path file, String urlOverride) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("There is no " + file.toAbsolutePath() + ". Run 'retort-migrate init "
                    + "--package <package>' to make one, or point at yours with --config.");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new MigrateConfig(file, p, urlOverride);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String required(Properties p, String key) {
        String v = blankToNull(p.getProperty(key));
        if (v == null) {
            throw new ConfigurationException(file + " has no " + key + "= setting. Add it (see docs/migrations.md).");
        }
        return v;
    }

    /** @return the database URL; refused if none is configured */
    String url() {
        if (url == null) {
            throw new ConfigurationException("No database URL: set url= in " + file + ", the " + URL_VARIABLE
                    + " environment variable, or pass --url.");
        }
        return url;
    }

    String packageName() {
        return packageName;
    }

    Path sourceDirectory() {
        return sourceDirectory;
    }

    /** The folder of the revisions package under the source directory. */
    Path packageDirectory() {
        return sourceDirectory.resolve(packageName.replace('.', '/'));
    }

    /** @return the revisions: compiled from their sources, or found as classes on the class path */
    Migrations migrations() {
        Migrations m = fromSources ? Migrations.fromSources(sourceDirectory, packageName) : Migrations.scan(packageName);
        return m.withVersionTable(null, versionTable);
    }

    String versionTable() {
        return versionTable;
    }

    /** @return the model's MetaData, from the {@code model=} setting */
    MetaData model() {
        if (model == null) {
            throw new ConfigurationException("autogenerate and check compare the model with the database, and " + file
                    + " names no model. Add model=com.example.Schema#METADATA: a public static field, or public static "
                    + "method without parameters, that returns the MetaData (for the ORM, Registry.of(...).metadata()).");
        }
        return StaticMember.read(model, MetaData.class, "model");
    }

    /** @return the autogenerate options of the {@code autogenerate-options=} setting, or the defaults */
    AutogenerateOptions autogenerateOptions() {
        AutogenerateOptions o = autogenerateOptions == null ? AutogenerateOptions.defaults()
                : StaticMember.read(autogenerateOptions, AutogenerateOptions.class, "autogenerate-options");
        return o.versionTable(versionTable);
    }
}
