package dev.retort.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Revisions compiled from their sources ({@link Migrations#fromSources}), as the command line
 * reads them: the package's sources count, not the package's compiled classes elsewhere on the
 * class path; sources that do not compile are refused with the compiler's errors.
 */
class RevisionSourcesTest {
    private static final String PACKAGE = "dev.retort.migrate.scanned.good";

    private static Path folder(Path root) throws IOException {
        return Files.createDirectories(root.resolve(PACKAGE.replace('.', '/')));
    }

    /** The test class path holds V1Counter, V2Count and V3CountAgain in this package; the sources hold one revision. */
    private static void writeOne(Path root, String message) throws IOException {
        Files.writeString(folder(root).resolve("V1Counter.java"), "package " + PACKAGE + ";\n\n"
                + "import dev.retort.migrate.Revision;\nimport dev.retort.migrate.ops.Operations;\n\n"
                + "public final class V1Counter extends Revision {\n"
                + "    public V1Counter() {\n        super(\"v1\", \"" + message + "\");\n    }\n\n"
                + "    @Override\n    public void upgrade(Operations ops) {\n"
                + "        ops.execute(\"CREATE TABLE counter (n INTEGER NOT NULL)\");\n    }\n\n"
                + "    @Override\n    public void downgrade(Operations ops) {\n        ops.dropTable(\"counter\");\n    }\n}\n");
    }

    @Test
    void theSourcesCountNotTheCompiledClassesOfThePackage(@TempDir Path root) throws IOException {
        writeOne(root, "From the source");
        Migrations migrations = Migrations.fromSources(root, PACKAGE);
        assertThat(migrations.graph().revisions()).extracting(Revision::id).containsExactly("v1");
        Revision v1 = migrations.graph().get("v1");
        assertThat(v1.message()).isEqualTo("From the source");
        assertThat(v1.getClass()).isNotSameAs(dev.retort.migrate.scanned.good.V1Counter.class);
        assertThat(migrations.upgradeScript(new dev.retort.dialect.sqlite.SqliteDialect(), "base", "head").sqlStatements())
                .contains("CREATE TABLE counter (n INTEGER NOT NULL)");

        assertThat(Migrations.fromSources(root, PACKAGE).graph().get("v1")).as("the same sources compile once")
                .isSameAs(v1);
        writeOne(root, "Edited");
        assertThat(Migrations.fromSources(root, PACKAGE).graph().get("v1").message()).isEqualTo("Edited");
    }

    @Test
    void sourcesThatDoNotCompileAreRefusedWithTheErrors(@TempDir Path root) throws IOException {
        writeOne(root, "Fine");
        Files.writeString(folder(root).resolve("V2Broken.java"), "package " + PACKAGE + ";\n\n"
                + "public final class V2Broken extends dev.retort.migrate.Revision {\n"
                + "    public V2Broken() {\n        super(\"v2\", \"broken\", \"v1\")\n    }\n}\n");
        assertThatThrownBy(() -> Migrations.fromSources(root, PACKAGE)).isInstanceOf(RevisionCompileException.class)
                .hasMessage("The revision sources in " + folder(root) + " do not compile: V2Broken.java:5: ';' expected. "
                        + "Fix them; nothing was run.")
                .satisfies(e -> assertThat(((RevisionCompileException) e).errors())
                        .containsExactly("V2Broken.java:5: ';' expected"));
    }

    @Test
    void aMissingFolderSaysWhereItLooked(@TempDir Path root) {
        assertThatThrownBy(() -> Migrations.fromSources(root, "com.example.migrations"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("There is no folder " + root.resolve("com/example/migrations").toAbsolutePath() + " for the "
                        + "revisions of package com.example.migrations. Create it (retort-migrate init does), or fix the "
                        + "source folder and the package.");
    }
}
