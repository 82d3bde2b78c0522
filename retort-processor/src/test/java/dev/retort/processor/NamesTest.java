package dev.retort.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Constant names. */
class NamesTest {

    @ParameterizedTest
    @CsvSource({
            "name, NAME",
            "createdAt, CREATED_AT",
            "httpURL, HTTP_URL",
            "URLValue, URL_VALUE",
            "address2, ADDRESS2",
            "address2Line, ADDRESS2_LINE",
            "first_name, FIRST_NAME",
            "first_Name, FIRST_NAME",
            "_x, _X",
            "x, X",
            "aB, A_B",
            "ID, ID",
            "iOS, I_OS",
            "$value, $VALUE",
            "größe, GRÖßE",
            "straßeNr, STRAßE_NR",
    })
    void convertsIdentifiersToUpperSnakeCase(String identifier, String expected) {
        assertThat(Names.constantName(identifier)).isEqualTo(expected);
    }

    @Test
    void appendsUnderscoresUntilANameIsFree() {
        Set<String> taken = new HashSet<>(List.of("TABLE", "TABLE_"));

        assertThat(Names.unique("TABLE", taken)).isEqualTo("TABLE__");
        assertThat(Names.unique("NAME", taken)).isEqualTo("NAME");
        assertThat(Names.unique("NAME", taken)).isEqualTo("NAME_");
        assertThat(taken).contains("TABLE__", "NAME", "NAME_");
    }
}
