package dev.retort.migrate.autogenerate;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.migrate.DestructiveMigrationException;
import dev.retort.migrate.Migrations;
import dev.retort.migrate.Migrator;
import dev.retort.migrate.Revision;
import dev.retort.schema.MetaData;
import dev.retort.testkit.Chinook;
import dev.retort.testkit.DatabaseKind;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The autogenerate round trip on the Chinook sample database, on every database: the model in code
 * matches the loaded schema exactly; changed in thirteen ways, it yields a revision whose source is
 * compiled with javax.tools and run; afterwards {@code check} finds no difference and the data of
 * every column that survives is intact; the downgrade brings back the original schema.
 */
class ChinookRoundTripTest {

    private static AutogenerateOptions renames(ChinookModel names) {
        return AutogenerateOptions.defaults()
                .renameTable(names.n("MediaType"), names.n("MediaFormat"))
                .renameColumn(names.n("Artist"), names.n("Name"), names.n("DisplayName"));
    }

    /** Every table's rows, each as the values of the columns that survive the changes, under their original names. */
    private static Map<String, List<String>> data(Engine engine, DatabaseKind kind, boolean changed) {
        ChinookModel m = ChinookModel.namesFor(kind);
        Map<String, List<String>> out = new java.util.TreeMap<>();
        MetaData original = ChinookModel.original(kind);
        for (dev.retort.schema.Table t : original.tables()) {
            String table = changed && t.name().equals(m.n("MediaType")) ? m.n("MediaFormat") : t.name();
            List<String> columns = new ArrayList<>();
            for (String c : t.columnNames()) {
                if (c.equals(m.n("Fax")) && t.name().equals(m.n("Customer"))) {
                    continue;
                }
                String now = changed && t.name().equals(m.n("Artist")) && c.equals(m.n("Name")) ? m.n("DisplayName") : c;
                columns.add(now);
            }
            String order = t.primaryKey().orElseThrow().columns().stream().map(dev.retort.schema.Column::name)
                    .collect(Collectors.joining(", "));
            try (Connection conn = engine.connect()) {
                out.put(t.name(), conn.execute(text("SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY "
                        + order)).all().stream().map(r -> {
                            List<Object> values = new ArrayList<>();
                            for (int i = 0; i < r.size(); i++) {
                                values.add(r.get(i));
                            }
                            return values.toString();
                        }).toList());
            }
        }
        return out;
    }

    @EachDatabase
    void chinookChangedInThirteenWaysRoundTrips(TestDatabase db, @TempDir Path sources) {
        Engine engine = db.engine();
        DatabaseKind kind = db.kind();
        Chinook.load(db);
        ChinookModel names = ChinookModel.namesFor(kind);
        AutogenerateOptions options = renames(names);

        assertThat(Autogenerate.compare(ChinookModel.original(kind), engine, AutogenerateOptions.defaults()).describe())
                .as("the model of the loaded schema").isEmpty();
        Map<String, List<String>> before = data(engine, kind, false);
        assertThat(before.get(names.n("Track"))).hasSize(3503);

        SchemaDiff diff = Autogenerate.compare(ChinookModel.changed(kind), engine, options);
        String t = names.n("Track");
        List<String> expected = new ArrayList<>(List.of(
                "rename table " + names.n("MediaType") + " to " + names.n("MediaFormat"),
                "rename column " + names.n("Artist") + "." + names.n("Name") + " to " + names.n("DisplayName"),
                "add table " + names.n("PlaylistFolder") + " [" + names.n("PlaylistFolderId") + ", " + names.n("Name") + ", "
                        + names.n("Position") + "]",
                "alter column " + names.n("Genre") + "." + names.n("Name") + ": NULL -> NOT NULL",
                "alter column " + names.n("Invoice") + "." + names.n("Total") + ": type NUMERIC(10, 2) -> NUMERIC(12, 2)",
                "add column " + names.n("Invoice") + "." + names.n("Status") + " ENUM invoice_status[open, paid, void] NOT NULL",
                "add column " + names.n("Playlist") + "." + names.n("PlaylistFolderId") + " INTEGER",
                "alter column " + t + "." + names.n("Composer") + ": type VARCHAR(220) -> VARCHAR(400)",
                "add column " + t + "." + names.n("Rating") + " SMALLINT NOT NULL",
                "alter column " + names.n("InvoiceLine") + "." + names.n("Quantity") + ": default none -> 1",
                "drop column " + names.n("Customer") + "." + names.n("Fax") + " [destructive: drops column "
                        + names.n("Customer") + "." + names.n("Fax") + " and its values]"));
        if (kind == DatabaseKind.POSTGRESQL) {
            expected.add(0, "create enum type invoice_status [open, paid, void]");
        }
        assertThat(diff.describe()).containsAll(expected);
        assertThat(diff.describe()).filteredOn(s -> s.startsWith("add unique constraint")).containsExactly(
                "add unique constraint " + (kind == DatabaseKind.POSTGRESQL ? "customer_email_key" : "UQ_CustomerEmail")
                        + " on " + names.n("Customer") + " [" + names.n("Email") + "]");
        assertThat(diff.describe()).filteredOn(s -> s.startsWith("add index")).containsExactlyInAnyOrder(
                "add index " + (kind == DatabaseKind.POSTGRESQL ? "invoice_billing_country_idx" : "IFK_InvoiceBillingCountry")
                        + " on " + names.n("Invoice") + " [" + names.n("BillingCountry") + "]",
                "add index " + (kind == DatabaseKind.POSTGRESQL ? "playlist_playlist_folder_id_idx"
                        : "IFK_PlaylistPlaylistFolderId") + " on " + names.n("Playlist") + " [" + names.n("PlaylistFolderId") + "]");
        assertThat(diff.describe()).filteredOn(s -> s.startsWith("add foreign key")).containsExactly(
                "add foreign key " + (kind == DatabaseKind.POSTGRESQL ? "playlist_playlist_folder_id_fkey"
                        : "FK_PlaylistPlaylistFolderId") + " on " + names.n("Playlist") + " [" + names.n("PlaylistFolderId")
                        + "] -> " + names.n("PlaylistFolder") + " [" + names.n("PlaylistFolderId") + "]");
        assertThat(diff.changes()).hasSize(expected.size() + 4);
        assertThat(diff.isDestructive()).isTrue();

        RevisionFile file = GeneratedRevisions.file("V20250101120000_ChinookChanges", "20250101120000_chinook_changes",
                "Chinook changes");
        String source = RevisionWriter.autogenerated(file, diff);
        assertThat(source)
                .contains("ops.renameTable(\"" + names.n("MediaType") + "\", \"" + names.n("MediaFormat") + "\");")
                .contains("ops.alterColumn(\"" + names.n("Artist") + "\", \"" + names.n("Name") + "\", c -> c.rename(\""
                        + names.n("DisplayName") + "\"));")
                .contains("        // DESTRUCTIVE: drops column " + names.n("Customer") + "." + names.n("Fax")
                        + " and its values.\n        ops.dropColumn(\"" + names.n("Customer") + "\", \"" + names.n("Fax") + "\");")
                .contains("<p>DESTRUCTIVE: the upgrade drops column")
                .doesNotContain("WARNING");
        GeneratedRevisions.write(sources, file, source);
        Migrations migrations = GeneratedRevisions.compile(sources);
        assertThat(migrations.graph().heads()).containsExactly("20250101120000_chinook_changes");

        Migrator migrator = migrations.migrator(engine);
        assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(DestructiveMigrationException.class)
                .hasMessageContaining("20250101120000_chinook_changes: drops column " + names.n("Customer") + "."
                        + names.n("Fax") + " and its values");
        assertThat(Autogenerate.compare(ChinookModel.changed(kind), engine, options).describe())
                .as("nothing ran").isEqualTo(diff.describe());

        assertThat(migrator.allowDestructive(true).upgrade("head")).extracting(Revision::id)
                .containsExactly("20250101120000_chinook_changes");
        assertThat(Autogenerate.compare(ChinookModel.changed(kind), engine, AutogenerateOptions.defaults()).describe())
                .as("check after the upgrade").isEmpty();
        assertThat(data(engine, kind, true)).isEqualTo(before);
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("SELECT COUNT(*) FROM " + t + " WHERE " + names.n("Rating") + " = 0"))
                    .scalar(Long.class)).isEqualTo(3503L);
            assertThat(conn.execute(text("SELECT COUNT(*) FROM " + names.n("Invoice") + " WHERE " + names.n("Status")
                    + " = 'paid'")).scalar(Long.class)).isEqualTo(412L);
        }

        assertThat(migrator.downgrade("base")).hasSize(1);
        assertThat(Autogenerate.compare(ChinookModel.original(kind), engine, AutogenerateOptions.defaults()).describe())
                .as("check against the original model after the downgrade").isEmpty();
        Map<String, List<String>> after = data(engine, kind, false);
        assertThat(after).isEqualTo(before);
    }
}
