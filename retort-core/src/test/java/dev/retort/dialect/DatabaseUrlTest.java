package dev.retort.dialect;

import dev.retort.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class DatabaseUrlTest {

    @Test
    void sqliteWithNothingAfterSchemeIsInMemory() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite://");

        assertThat(url.scheme()).isEqualTo("sqlite");
        assertThat(url.database()).isNull();
        assertThat(url.host()).isNull();
        assertThat(url.port()).isNull();
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.query()).isEmpty();
    }

    @Test
    void sqliteWithThreeSlashesIsRelativePath() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:///relative.db");

        assertThat(url.database()).isEqualTo("relative.db");
        assertThat(url.host()).isNull();
    }

    @Test
    void sqliteWithFourSlashesIsAbsolutePath() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:////abs/x.db");

        assertThat(url.database()).isEqualTo("/abs/x.db");
        assertThat(url.host()).isNull();
    }

    @Test
    void schemeIsLowerCased() {
        assertThat(DatabaseUrl.parse("PostgreSQL://h/db").scheme()).isEqualTo("postgresql");
    }

    @Test
    void postgresqlUrlIsParsedWithDecodedPasswordPortAndOrderedQuery() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://user:p%40ss%2Fw@host:5433/db?sslmode=require&ApplicationName=x");

        assertThat(url.scheme()).isEqualTo("postgresql");
        assertThat(url.user()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("p@ss/w");
        assertThat(url.host()).isEqualTo("host");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("db");
        assertThat(url.query()).containsExactly(entry("sslmode", "require"), entry("ApplicationName", "x"));
    }

    @Test
    void plusSignInPasswordIsKeptLiterally() {
        assertThat(DatabaseUrl.parse("postgresql://u:a+b@h/db").password()).isEqualTo("a+b");
    }

    @Test
    void queryMapIsUnmodifiable() {
        Map<String, String> query = DatabaseUrl.parse("postgresql://h/db?a=1").query();

        assertThatThrownBy(() -> query.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ipv6HostKeepsBracketsAndPortIsRead() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u@[::1]:5432/db");

        assertThat(url.host()).isEqualTo("[::1]");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.database()).isEqualTo("db");
    }

    @Test
    void ipv6HostWithoutPortHasNullPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://[::1]/db");

        assertThat(url.host()).isEqualTo("[::1]");
        assertThat(url.port()).isNull();
    }

    @Test
    void missingPortIsNull() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@localhost/shop");

        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.port()).isNull();
        assertThat(url.hostOptional()).contains("localhost");
    }

    @Test
    void mariadbUrlWithUserAndNoPassword() {
        DatabaseUrl url = DatabaseUrl.parse("mariadb://root@127.0.0.1/test");

        assertThat(url.scheme()).isEqualTo("mariadb");
        assertThat(url.user()).isEqualTo("root");
        assertThat(url.password()).isNull();
        assertThat(url.host()).isEqualTo("127.0.0.1");
        assertThat(url.port()).isNull();
        assertThat(url.database()).isEqualTo("test");
        assertThat(url.query()).isEmpty();
    }

    @Test
    void toStringMasksPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:secret@host:5433/db?sslmode=require&ApplicationName=x");

        assertThat(url.toString())
                .isEqualTo("postgresql://user:***@host:5433/db?sslmode=require&ApplicationName=x")
                .doesNotContain("secret");
    }

    @Test
    void toStringWithoutPasswordShowsUserOnly() {
        assertThat(DatabaseUrl.parse("mariadb://root@127.0.0.1/test").toString())
                .isEqualTo("mariadb://root@127.0.0.1/test");
        assertThat(DatabaseUrl.parse("sqlite://").toString()).isEqualTo("sqlite://");
        assertThat(DatabaseUrl.parse("postgresql://[::1]:5432/db").toString()).isEqualTo("postgresql://[::1]:5432/db");
    }

    @Test
    void maskPasswordWorksOnTextThatDoesNotParse() {
        assertThat(DatabaseUrl.maskPassword("postgresql://u:secret@h:notaport/db"))
                .isEqualTo("postgresql://u:***@h:notaport/db");
    }

    @Test
    void maskPasswordLeavesTextWithoutPasswordAlone() {
        assertThat(DatabaseUrl.maskPassword("postgresql://u@h:5432/db")).isEqualTo("postgresql://u@h:5432/db");
        assertThat(DatabaseUrl.maskPassword("postgresql://h:5432/db")).isEqualTo("postgresql://h:5432/db");
        assertThat(DatabaseUrl.maskPassword("not a url")).isEqualTo("not a url");
        assertThat(DatabaseUrl.maskPassword(null)).isNull();
    }

    @Test
    void maskPasswordIgnoresAtSignInQuery() {
        assertThat(DatabaseUrl.maskPassword("postgresql://u:secret@h?user=a@b"))
                .isEqualTo("postgresql://u:***@h?user=a@b");
        assertThat(DatabaseUrl.maskPassword("postgresql://h/db?user=a:b@c"))
                .isEqualTo("postgresql://h/db?user=a:b@c");
    }

    @Test
    void maskPasswordMasksPasswordWithoutScheme() {
        assertThat(DatabaseUrl.maskPassword("u:secret@h/db")).isEqualTo("u:***@h/db");
    }

    // ---- errors ------------------------------------------------------------------------------

    @Test
    void nullUrlIsRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse(null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The database URL is null or blank.")
                .hasMessageContaining("sqlite:// (memory)");
    }

    @Test
    void blankUrlIsRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("   "))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("The database URL is null or blank.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql:/u:secret@localhost/db",
            "postgresql//u:secret@localhost/db",
            "postgresql:u:secret@localhost/db",
            "u:secret@localhost/db"})
    void urlWithoutSchemeSeparatorIsRejectedWithPasswordMasked(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Malformed database URL '")
                .hasMessageContaining("': no scheme:// at its start.")
                .hasMessageContaining("***@localhost/db")
                .hasMessageNotContaining("secret");
    }

    @Test
    void nonNumericPortIsRejectedWithPasswordMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@host:abc/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Malformed database URL 'postgresql://u:***@host:abc/db': port 'abc' is not a number.")
                .hasMessageNotContaining("secret");
    }

    @Test
    void portOutsideRangeIsRejectedWithPasswordMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@host:70000/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Malformed database URL 'postgresql://u:***@host:70000/db': port 70000 is outside 1-65535.")
                .hasMessageNotContaining("secret");
    }

    @Test
    void portZeroIsRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://host:0/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("port 0 is outside 1-65535");
    }

    @Test
    void queryParameterWithoutEqualsIsRejectedWithPasswordMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@host/db?sslmode"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Malformed database URL 'postgresql://u:***@host/db?sslmode': "
                        + "query parameter 'sslmode' is not name=value.")
                .hasMessageNotContaining("secret");
    }

    @Test
    void badPercentEscapeInPasswordIsRejectedWithPasswordMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret%zz@host/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Malformed database URL 'postgresql://u:***@host/db': "
                        + "the password has an invalid %-escape.")
                .hasMessageNotContaining("secret");
    }

    @Test
    void badPercentEscapeInQueryIsRejectedWithPasswordMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@host/db?a=%G1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the query parameter has an invalid %-escape")
                .hasMessageNotContaining("secret");
    }

    @Test
    void ipv6HostWithoutClosingBracketIsRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@[::1/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the IPv6 host has no closing ']'")
                .hasMessageNotContaining("secret");
    }

    @Test
    void invalidSchemeIsRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("1pg://u:secret@h/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'1pg' is not a valid scheme")
                .hasMessageNotContaining("secret");
    }

    @org.junit.jupiter.api.Test
    void passwordWithSlashOrQuestionMarkParsesAndStaysMasked() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:se/cr?et@h:5433/db?sslmode=require");
        org.assertj.core.api.Assertions.assertThat(u.password()).isEqualTo("se/cr?et");
        org.assertj.core.api.Assertions.assertThat(u.host()).isEqualTo("h");
        org.assertj.core.api.Assertions.assertThat(u.port()).isEqualTo(5433);
        org.assertj.core.api.Assertions.assertThat(u.query()).containsEntry("sslmode", "require");
        org.assertj.core.api.Assertions.assertThat(u.toString()).doesNotContain("se/cr");
        org.assertj.core.api.Assertions.assertThat(DatabaseUrl.maskPassword("postgresql://u:se/cret@h:x/db"))
                .isEqualTo("postgresql://u:***@h:x/db");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:se/cret@h:x/db"))
                .hasMessageNotContaining("se/cret").hasMessageNotContaining("cret").hasMessageContaining("port 'x'");
        org.assertj.core.api.Assertions.assertThat(DatabaseUrl.parse("sqlite:///data@2024.db").database())
                .isEqualTo("data@2024.db");
    }
}
