package io.collectflow.casework.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Number fields sent as text: the number it spells, or a refusal naming the field that changes nothing. */
class NumberFieldValuesTest {

    private static final FormSchema FORM = FormSchemaParser.parse("""
        {"id": "numbers", "components": [
          {"type": "number", "key": "letterId", "label": "Letter number", "disabled": true},
          {"type": "group", "components": [
            {"type": "number", "key": "amount", "label": "Amount", "decimalDigits": 2}]},
          {"type": "group", "path": "nested", "components": [
            {"type": "number", "key": "inner", "label": "Nested"}]},
          {"type": "textfield", "key": "note", "label": "Note"}]}
        """.getBytes(StandardCharsets.UTF_8));

    @Test
    void everyNumberFieldCountsDisplayOnlyOnesIncludedButNotNestedOnes() {
        assertThat(FORM.numberFields()).containsExactly(Map.entry("letterId", "Letter number"),
            Map.entry("amount", "Amount"));
    }

    @Test
    void aPlainNumberIsALongWhenWholeAndADoubleOtherwise() {
        assertThat(NumberFieldValues.number("12")).isEqualTo(12L);
        assertThat(NumberFieldValues.number("-3")).isEqualTo(-3L);
        assertThat(NumberFieldValues.number("1200.50")).isEqualTo(1200.5);
        assertThat(NumberFieldValues.number("0.1")).isEqualTo(0.1);
        assertThat(NumberFieldValues.number(".5")).isEqualTo(0.5);
        assertThat(NumberFieldValues.number("1e3")).isEqualTo(1000L);
        assertThat(NumberFieldValues.number("2.5e-1")).isEqualTo(0.25);
    }

    @Test
    void textThatIsNoPlainNumberOrCannotBeKeptExactlyIsNone() {
        for (String text : new String[] {"1,200.50", "L-7", "NaN", "Infinity", "0x1F", "\u0661\u0662", "12 000",
            "1e400", "99999999999999999999", "1234567890.123456789"}) {
            assertThat(NumberFieldValues.number(text)).as(text).isNull();
        }
    }

    @Test
    void textsBecomeNumbersBlankBecomesNoValueOtherValuesStay() {
        Map<String, Object> values = new HashMap<>(Map.of("letterId", " 7 ", "amount", "", "note", "12"));
        NumberFieldValues.coerce(FORM, values::get, values::put);
        assertThat(values).containsEntry("letterId", 7L).containsEntry("amount", null).containsEntry("note", "12");

        Map<String, Object> numbers = new HashMap<>(Map.of("letterId", 7, "amount", 3.5));
        NumberFieldValues.coerce(FORM, numbers::get, numbers::put);
        assertThat(numbers).isEqualTo(Map.of("letterId", 7, "amount", 3.5));
    }

    @Test
    void anyTextThatIsNoNumberRefusesTheValuesNamingEachFieldAndChangesNothing() {
        Map<String, Object> values = new HashMap<>(Map.of("letterId", "7", "amount", "1,200.50"));
        assertThatThrownBy(() -> NumberFieldValues.coerce(FORM, values::get, values::put))
            .isInstanceOf(InvalidFormException.class).hasMessage("Please correct: Amount must be a number");
        assertThat(values).isEqualTo(Map.of("letterId", "7", "amount", "1,200.50"));

        values.put("amount", "0.12345678901234567");
        assertThatThrownBy(() -> NumberFieldValues.coerce(FORM, values::get, values::put))
            .hasMessage("Please correct: Amount has more digits than a number field keeps (15 at most)");
    }
}
