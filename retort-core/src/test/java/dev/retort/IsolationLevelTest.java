package dev.retort;

import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsolationLevelTest {

    @Test
    void fromNameAcceptsLowerCaseWithSpaces() {
        assertThat(IsolationLevel.fromName("read committed")).isEqualTo(IsolationLevel.READ_COMMITTED);
    }

    @Test
    void fromNameAcceptsMariaDbHyphenatedForm() {
        assertThat(IsolationLevel.fromName("REPEATABLE-READ")).isEqualTo(IsolationLevel.REPEATABLE_READ);
        assertThat(IsolationLevel.fromName("READ-UNCOMMITTED")).isEqualTo(IsolationLevel.READ_UNCOMMITTED);
    }

    @Test
    void fromNameAcceptsSingleWordAndSurroundingSpace() {
        assertThat(IsolationLevel.fromName("serializable")).isEqualTo(IsolationLevel.SERIALIZABLE);
        assertThat(IsolationLevel.fromName("  SERIALIZABLE\n")).isEqualTo(IsolationLevel.SERIALIZABLE);
    }

    @Test
    void fromNameAcceptsEnumConstantName() {
        assertThat(IsolationLevel.fromName("READ_COMMITTED")).isEqualTo(IsolationLevel.READ_COMMITTED);
    }

    @Test
    void fromJdbcMapsEveryConstant() {
        assertThat(IsolationLevel.fromJdbc(Connection.TRANSACTION_READ_UNCOMMITTED)).isEqualTo(IsolationLevel.READ_UNCOMMITTED);
        assertThat(IsolationLevel.fromJdbc(Connection.TRANSACTION_READ_COMMITTED)).isEqualTo(IsolationLevel.READ_COMMITTED);
        assertThat(IsolationLevel.fromJdbc(Connection.TRANSACTION_REPEATABLE_READ)).isEqualTo(IsolationLevel.REPEATABLE_READ);
        assertThat(IsolationLevel.fromJdbc(Connection.TRANSACTION_SERIALIZABLE)).isEqualTo(IsolationLevel.SERIALIZABLE);
    }

    @Test
    void jdbcLevelAndSqlNameRoundTrip() {
        for (IsolationLevel level : IsolationLevel.values()) {
            assertThat(IsolationLevel.fromJdbc(level.jdbcLevel())).isEqualTo(level);
            assertThat(IsolationLevel.fromName(level.sqlName())).isEqualTo(level);
        }
        assertThat(IsolationLevel.REPEATABLE_READ.sqlName()).isEqualTo("REPEATABLE READ");
    }

    @Test
    void unknownNameIsRejected() {
        assertThatThrownBy(() -> IsolationLevel.fromName("snapshot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown isolation level 'snapshot'");
    }

    @Test
    void unknownJdbcLevelIsRejected() {
        assertThatThrownBy(() -> IsolationLevel.fromJdbc(Connection.TRANSACTION_NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown JDBC isolation level 0");
        assertThatThrownBy(() -> IsolationLevel.fromJdbc(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown JDBC isolation level 3");
    }
}
