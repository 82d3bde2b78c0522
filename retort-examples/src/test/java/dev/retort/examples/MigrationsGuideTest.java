package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.autogenerate.AutogenerateOptions;
import dev.retort.migrate.autogenerate.SchemaObject;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the samples of docs/migrations.md. */
class MigrationsGuideTest {

    @EachDatabase
    void theLibraryMigratesUpAndDownAndMatchesItsModel(TestDatabase db) {
        Engine engine = db.engine();
        assertThat(MigrationsGuide.upgradeAndDowngrade(engine)).containsExactly(
                "[0001_library, 0002_loans, 0003_audio, 0003_isbn13, 0004_merge]", "[0004_merge]", "[0003_isbn13]",
                "[0004_merge]");
        assertThat(MigrationsGuide.check(engine)).isEmpty();

        String source = MigrationsGuide.autogenerate(engine);
        assertThat(source).startsWith("[add column loans.returned_on DATE]\npackage dev.retort.examples.migrations;\n")
                .contains("public final class V0005_Returns extends Revision {",
                        "super(\"0005_returns\", \"Loans remember returns\", \"0004_merge\");",
                        "        ops.addColumn(\"loans\", \"returned_on\", DATE);",
                        "        // Loses data: drops column loans.returned_on and its values.\n"
                                + "        ops.dropColumn(\"loans\", \"returned_on\");");

        Migrations.scan("dev.retort.examples.migrations").migrator(engine).downgrade("base");
        assertThatThrownBy(() -> MigrationsGuide.check(engine)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The database differs from the model:\n")
                .hasMessageContaining("add table authors [id, name]\nadd table books [id, author_id, title, isbn, format, "
                        + "copies]\nadd table loans [id, book_id, member, due]");
    }

    @Test
    void theRevisionsRenderForPostgresWithoutADatabase() {
        String sql = MigrationsGuide.offlineScript();
        assertThat(sql).startsWith("\n-- the version table\nCREATE TABLE retort_version (")
                .contains("CREATE TYPE book_format AS ENUM ('paper', 'ebook');\n",
                        "ALTER TABLE books ADD COLUMN copies INTEGER DEFAULT 1 NOT NULL;\n",
                        "ALTER TYPE book_format ADD VALUE 'audio';\n",
                        "ALTER TABLE books ALTER COLUMN isbn TYPE VARCHAR(13) USING isbn::VARCHAR(13);\n",
                        "-- upgrade 0003_audio, 0003_isbn13 -> 0004_merge: 0004_merge (Join the ISBN and audio branches)\n");
    }

    @Test
    void optionsIgnoreAndRename() {
        AutogenerateOptions options = MigrationsGuide.options();
        assertThat(options.toString()).contains("{loans=lendings}", "{lendings={member=member_name}}");
        assertThat(options.versionTable()).isEqualTo("retort_version");
        assertThat(SchemaObject.table("tmp_import")).isEqualTo(new SchemaObject(SchemaObject.Kind.TABLE, "tmp_import",
                "tmp_import"));
    }

    @EachDatabase(only = {DatabaseKind.SQLITE_FILE, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void theCommandLineReadsTheModulesConfiguration(TestDatabase db) {
        Path config = DocSnippetsTest.root().resolve("retort-examples/retort-migrate.properties");
        String file = config.toString();
        List<String> history = MigrationsGuide.commandLine("history", "--config", file);
        assertThat(history.get(0)).as(history.get(2)).isEqualTo("0");
        assertThat(history.get(1)).isEqualTo("0003_isbn13, 0003_audio -> 0004_merge (head) (mergepoint), Join the ISBN "
                + "and audio branches\n0002_loans -> 0003_isbn13, ISBN-13\n0002_loans -> 0003_audio, Audio books\n"
                + "0001_library -> 0002_loans (branchpoint), Loans and copies\nbase -> 0001_library, Authors and books\n");
        List<String> upgrade = MigrationsGuide.commandLine("upgrade", "head", "--config", file, "--url", db.url());
        assertThat(upgrade.get(0)).as(upgrade.get(2)).isEqualTo("0");
        assertThat(upgrade.get(1)).startsWith("Applied 0001_library (Authors and books)\n");
        List<String> check = MigrationsGuide.commandLine("check", "--config", file, "--url", db.url());
        assertThat(check).containsExactly("0", "No differences between the model and the database.\n", "");
    }
}
