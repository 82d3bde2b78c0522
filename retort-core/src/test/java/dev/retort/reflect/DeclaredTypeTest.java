package dev.retort.reflect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeclaredTypeTest {

    @Test
    void takesNamesArgumentsAndSuffixesApart() {
        assertThat(DeclaredType.parse("NUMERIC(10, 2)")).isEqualTo(new DeclaredType("NUMERIC", List.of("10", "2"), ""));
        assertThat(DeclaredType.parse("time(6)  without time zone"))
                .isEqualTo(new DeclaredType("TIME", List.of("6"), "WITHOUT TIME ZONE"));
        assertThat(DeclaredType.parse("character varying")).isEqualTo(new DeclaredType("CHARACTER VARYING", List.of(), ""));
        assertThat(DeclaredType.parse("int(10) unsigned").suffix()).isEqualTo("UNSIGNED");
        assertThat(DeclaredType.parse(null).base()).isEmpty();
        assertThat(DeclaredType.parse("BROKEN(1").base()).isEqualTo("BROKEN(1");
    }

    @Test
    void quotedArgumentsKeepCommasAndParentheses() {
        DeclaredType t = DeclaredType.parse("enum('a,b','it''s','(x)')");
        assertThat(t.arguments()).containsExactly("'a,b'", "'it''s'", "'(x)'");
        assertThat(t.labels()).containsExactly("a,b", "it's", "(x)");
        assertThat(t.intArgument(0)).isNull();
    }

    @Test
    void checkNamesAreTakenOutOfTheConventionAgain() {
        assertThat(TableFactory.checkName("ck_%(table_name)s_%(constraint_name)s", "items", "ck_items_qty_positive"))
                .isEqualTo("qty_positive");
        assertThat(TableFactory.checkName("ck_%(table_name)s_%(constraint_name)s", "items", "other")).isEqualTo("other");
        assertThat(TableFactory.checkName(null, "items", "ck_items_x")).isEqualTo("ck_items_x");
    }
}
