package io.collectflow.loan.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> all(String text) {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        assertThat(all("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n"))
            .containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "line1\nline2"));
    }

    @Test
    void byteOrderMarkAndBlankLinesAreIgnored() {
        assertThat(all("\uFEFFa,b\n\n1,2\n\n")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void emptyFieldsAndMissingFinalNewline() {
        assertThat(all("a,,c\n,,")).containsExactly(List.of("a", "", "c"), List.of("", "", ""));
    }

    @Test
    void unclosedQuoteIsAFormatError() {
        assertThatThrownBy(() -> all("a,b\n1,\"open\n")).isInstanceOf(CsvFormatException.class)
            .satisfies(e -> assertThat(((CsvFormatException) e).record()).isEqualTo(2));
    }

    @Test
    void textAfterAClosingQuoteIsAFormatError() {
        assertThatThrownBy(() -> all("a\n\"x\"y\n")).isInstanceOf(CsvFormatException.class);
    }
}
