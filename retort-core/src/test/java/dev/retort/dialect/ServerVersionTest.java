package dev.retort.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerVersionTest {

    @Test
    void parsesPostgresVersionWithDistributionSuffix() {
        ServerVersion v = ServerVersion.parse("15.19 (Debian 15.19-0+deb12u1)");

        assertThat(v.major()).isEqualTo(15);
        assertThat(v.minor()).isEqualTo(19);
        assertThat(v.patch()).isZero();
        assertThat(v.text()).isEqualTo("15.19 (Debian 15.19-0+deb12u1)");
        assertThat(v).hasToString("15.19.0");
    }

    @Test
    void parsesMariaDbVersion() {
        ServerVersion v = ServerVersion.parse("10.11.19-MariaDB-0+deb12u1");

        assertThat(v.major()).isEqualTo(10);
        assertThat(v.minor()).isEqualTo(11);
        assertThat(v.patch()).isEqualTo(19);
        assertThat(v.text()).isEqualTo("10.11.19-MariaDB-0+deb12u1");
    }

    @Test
    void parsesSqliteVersion() {
        ServerVersion v = ServerVersion.parse("3.50.3");

        assertThat(v).isEqualTo(new ServerVersion(3, 50, 3, "3.50.3"));
        assertThat(v).hasToString("3.50.3");
    }

    @Test
    void parsesMajorOnly() {
        ServerVersion v = ServerVersion.parse("16");

        assertThat(v).isEqualTo(new ServerVersion(16, 0, 0, "16"));
    }

    @Test
    void atLeastComparesMajorThenMinor() {
        ServerVersion v = ServerVersion.parse("10.11.19-MariaDB");

        assertThat(v.atLeast(10, 11)).isTrue();
        assertThat(v.atLeast(10, 5)).isTrue();
        assertThat(v.atLeast(9, 99)).isTrue();
        assertThat(v.atLeast(10, 12)).isFalse();
        assertThat(v.atLeast(11, 0)).isFalse();
    }

    @Test
    void latestIsAtLeastAnything() {
        assertThat(ServerVersion.LATEST.atLeast(999, 999)).isTrue();
        assertThat(ServerVersion.LATEST).hasToString("latest");
    }

    @Test
    void compareToOrdersByMajorMinorPatch() {
        ServerVersion v15 = ServerVersion.parse("15.19");
        ServerVersion v16 = ServerVersion.parse("16");
        ServerVersion v3503 = ServerVersion.parse("3.50.3");
        ServerVersion v3504 = ServerVersion.parse("3.50.4");
        ServerVersion v3510 = ServerVersion.parse("3.51.0");

        assertThat(v15.compareTo(v16)).isNegative();
        assertThat(v16.compareTo(v15)).isPositive();
        assertThat(v3503.compareTo(v3504)).isNegative();
        assertThat(v3504.compareTo(v3510)).isNegative();
        assertThat(v3510.compareTo(v3503)).isPositive();
        assertThat(v15.compareTo(ServerVersion.parse("15.19 (Debian 15.19-0+deb12u1)"))).isZero();
        assertThat(v16.compareTo(ServerVersion.LATEST)).isNegative();
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> ServerVersion.parse("garbage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a server version: 'garbage'");
        assertThatThrownBy(() -> ServerVersion.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a server version: ''");
        assertThatThrownBy(() -> ServerVersion.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a server version: 'null'");
    }
}
