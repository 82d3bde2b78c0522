package dev.retort.examples;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.ServerVersion;
import dev.retort.dialect.mysql.MariaDbDialect;
import dev.retort.dialect.mysql.MysqlDialect;
import dev.retort.dialect.postgresql.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/dialects.md's capability table says what the dialects say, for every capability. */
class DialectMatrixTest {

    @Test
    void capabilityTableMatchesTheDialects() throws IOException {
        List<Dialect> columns = List.of(new SqliteDialect(ServerVersion.parse("3.39.0")), new PostgresDialect(),
                new MariaDbDialect(ServerVersion.parse("10.11.0")), new MariaDbDialect(ServerVersion.parse("10.4.0")),
                new MysqlDialect(ServerVersion.parse("8.0.36")));
        Set<Capability> seen = EnumSet.noneOf(Capability.class);
        for (String line : Files.readAllLines(DocSnippetsTest.root().resolve("docs/dialects.md"))) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Capability cap = Capability.valueOf(cells[1].trim().replace("`", ""));
            seen.add(cap);
            for (int i = 0; i < columns.size(); i++) {
                boolean documented = cells[3 + i].trim().equals("yes");
                assertThat(documented).as("%s on %s", cap, columns.get(i).displayName())
                        .isEqualTo(columns.get(i).supports(cap));
            }
        }
        assertThat(seen).as("every capability is in the table").isEqualTo(EnumSet.allOf(Capability.class));
    }
}
