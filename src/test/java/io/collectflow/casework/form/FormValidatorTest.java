package io.collectflow.casework.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import io.collectflow.ops.feel.CachingFeelEngine;

/** {@link FormValidator} with Camunda's FEEL engine over the real forms of forms/. */
class FormValidatorTest {

    private final FormValidator validator = new FormValidator(new FeelConditions());

    static FormSchema form(String id) {
        try (InputStream in = FormValidatorTest.class.getResourceAsStream("/forms/" + id + ".form")) {
            assertThat(in).as(id).isNotNull();
            return FormSchemaParser.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> problems(String formId, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return validator.problems(form(formId), values::get);
    }

    @Test
    void displayedFieldsAndTextsAreNoInputs() {
        FormSchema call = form("call-borrower");
        assertThat(call.id()).isEqualTo("call-borrower");
        assertThat(call.inputKeys()).containsExactly("reached", "overdueReason", "callOutcome", "promiseDate",
            "promiseAmount", "callNotes", "nextFollowUp");
        assertThat(call.inputs()).filteredOn(f -> f.key().equals("promiseDate")).singleElement()
            .satisfies(f -> assertThat(f.label()).as("a date field's label").isEqualTo("Promise date"));
    }

    @Test
    void requiredFieldsAreNamedByTheirLabel() {
        assertThat(problems("send-lawyer-letter")).containsExactly("Registered-mail tracking number is required");
        assertThat(problems("send-lawyer-letter", "letterTracking", "   ")).as("blank is missing")
            .containsExactly("Registered-mail tracking number is required");
        assertThat(problems("send-lawyer-letter", "letterTracking", "EMS123")).isEmpty();
        assertThat(problems("approve-agency-placement", "placementApproved", true))
            .containsExactly("Scope (e.g. phone and letters only, no visits) is required");
        assertThat(problems("approve-agency-placement", "placementScope", "phone only", "placementApproved", false))
            .as("an optional box, unticked").isEmpty();
    }

    @Test
    void aFieldHiddenByItsConditionIsNotChecked() {
        assertThat(problems("call-borrower", "callOutcome", "NO_ANSWER", "reached", false)).isEmpty();
        assertThat(problems("call-borrower", "callOutcome", "PROMISE_TO_PAY", "reached", true))
            .containsExactly("Promise date is required", "Promised amount is required");
        assertThat(problems("call-borrower", "callOutcome", "PROMISE_TO_PAY", "reached", true,
            "promiseDate", "2030-01-31", "promiseAmount", 100)).isEmpty();

        // not(misconductFound): an unticked box is false, as in the browser, so the finding is hidden
        assertThat(problems("supervise-agency", "misconductFound", false)).isEmpty();
        assertThat(problems("supervise-agency", "misconductFound", true))
            .containsExactly("Finding (recorded against the agency) is required");

        assertThat(problems("visit-borrower", "visitMode", "VIDEO", "visitOutcome", "NOT_MET")).isEmpty();
        assertThat(problems("visit-borrower", "visitMode", "VISIT", "visitOutcome", "NOT_MET",
            "authorizationLetter", true, "consentToEnter", false))
            .containsExactly("Staff member 1 (name) is required", "Staff member 2 (name, a different person) is required");
    }

    /**
     * Tasklist always sends a box, an unticked one as false; a client that leaves one out (absent or null) has not
     * answered it — refused naming the box's key, never taken as false (an approval left out is no rejection). A box
     * its condition hides is not asked for.
     */
    @Test
    void aBoxLeftOutIsRefusedNamingItsKeyUnlessItsConditionHidesIt() {
        assertThat(problems("plan-missed-installment"))
            .containsExactly("keepPlan: tick or untick the box (true or false)");
        assertThat(problems("plan-missed-installment", "keepPlan", null)).as("null is left out")
            .containsExactly("keepPlan: tick or untick the box (true or false)");
        assertThat(problems("plan-missed-installment", "keepPlan", false)).as("unticked").isEmpty();
        assertThat(problems("supervise-agency")).as("for its condition the box shows false: the finding stays hidden")
            .containsExactly("misconductFound: tick or untick the box (true or false)");
        assertThat(problems("visit-borrower", "visitMode", "VIDEO", "visitOutcome", "NOT_MET"))
            .as("the visit's boxes are hidden for a video call").isEmpty();
        assertThat(problems("visit-borrower", "visitMode", "VISIT", "visitOutcome", "NOT_MET", "visitStaff1", "Li Lei",
            "visitStaff2", "Wang Fang")).containsExactly("authorizationLetter: tick or untick the box (true or false)",
            "consentToEnter: tick or untick the box (true or false)");
    }

    @Test
    void aValueMustBeOneOfTheOptions() {
        assertThat(problems("call-borrower", "callOutcome", "MAYBE", "reached", false)).singleElement().asString()
            .startsWith("Outcome must be one of PROMISE_TO_PAY, NO_ANSWER, REFUSED, EVASIVE, PLAN_REQUESTED, OTHER")
            .endsWith("(not 'MAYBE')");
        assertThat(problems("call-borrower", "callOutcome", "OTHER", "reached", true, "overdueReason", "LAZY"))
            .singleElement().asString().startsWith("Reason for the delay (E1) must be one of FORGOT, CASH_FLOW");
        assertThat(problems("call-borrower", "callOutcome", "NO_ANSWER", "reached", false, "overdueReason", "LAZY"))
            .as("the reason is hidden when the borrower was not reached").isEmpty();
        assertThat(problems("approve-write-off", "writeOffDecision", "APPROVE")).isEmpty();
        assertThat(problems("approve-write-off", "writeOffDecision", "approve")).hasSize(1);
    }

    @Test
    void numbersKeepTheirBounds() {
        assertThat(problems("repayment-plan", "declaredIncome", 5000, "otherDebts", 0, "installmentCount", 61,
            "firstDueOn", "2030-01-01", "overdueReason", "CASH_FLOW", "planConfirmation", "WRITTEN"))
            .containsExactly("Number of installments must be at most 60");
        assertThat(problems("repayment-plan", "declaredIncome", -1, "otherDebts", "0", "installmentCount", 0L,
            "firstDueOn", "2030-01-01", "overdueReason", "CASH_FLOW", "planConfirmation", "WRITTEN"))
            .containsExactly("Declared monthly income must be at least 0", "Number of installments must be at least 1");
        assertThat(problems("dispose-collateral", "disposalMethod", "SALE", "disposalProceeds", "a lot"))
            .containsExactly("Proceeds (total for all items sold) must be a number");
        assertThat(problems("call-borrower", "callOutcome", "PROMISE_TO_PAY", "reached", true,
            "promiseDate", "2030-01-31", "promiseAmount", 0.001))
            .containsExactly("Promised amount must be at least 0.01", "Promised amount must have at most 2 decimal digits");
    }

    /** form-js: decimalDigits limits the digits after the point, increment makes the values its multiples. */
    @Test
    void numbersKeepTheirDecimalDigitsAndIncrement() {
        Object[] promise = {"callOutcome", "PROMISE_TO_PAY", "reached", true, "promiseDate", "2030-01-31"};
        assertThat(problems("call-borrower", with(promise, "promiseAmount", 100.125)))
            .containsExactly("Promised amount must have at most 2 decimal digits");
        for (Object ok : new Object[] {100.1, "100.10", 100.0, 100L, new BigDecimal("99.990")}) {
            assertThat(problems("call-borrower", with(promise, "promiseAmount", ok))).as(String.valueOf(ok)).isEmpty();
        }
        FormSchema form = FormSchemaParser.parse("""
            {"id": "n", "components": [
              {"type": "number", "key": "hours", "label": "Hours", "decimalDigits": 1, "increment": "0.5"},
              {"type": "number", "key": "visits", "label": "Visits", "decimalDigits": 0}
            ]}""".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> values = new HashMap<>(Map.of("hours", 1.5, "visits", 3L));
        assertThat(validator.problems(form, values::get)).isEmpty();
        values.put("hours", 1.25);
        values.put("visits", 2.5);
        assertThat(validator.problems(form, values::get)).containsExactly(
            "Hours must have at most 1 decimal digit", "Hours must be a multiple of 0.5 (the nearest are 1 and 1.5)",
            "Visits must be a whole number");
        values.put("hours", "-0.7");
        values.put("visits", "4.0");
        assertThat(validator.problems(form, values::get))
            .containsExactly("Hours must be a multiple of 0.5 (the nearest are -1 and -0.5)");
    }

    @Test
    void textsKeepTheirPatternLengthAndEmailType() {
        Object[] hotline = {"complainantName", "Zhang San", "complainantPhone", "+86 138 0000 0000",
            "complaintText", "They called my employer"};
        assertThat(problems("complaint-intake", hotline)).isEmpty();
        assertThat(problems("complaint-intake", with(hotline, "complainantPhone", "call me maybe")))
            .containsExactly("Phone (for our answer) is not in the expected format");
        assertThat(problems("complaint-intake", with(hotline, "complainantEmail", "zhang.example.com")))
            .containsExactly("E-mail (optional; preferred for our answer) must be an e-mail address");
        assertThat(problems("complaint-intake", with(hotline, "complainantName", "x".repeat(101))))
            .containsExactly("Complainant's name must have at most 100 characters");
        assertThat(problems("complaint-intake")).containsExactly("Complainant's name is required",
            "Phone (for our answer) is required", "The complaint in the caller's words is required");
    }

    @Test
    void groupsPassTheirConditionOnAndReadOnlyFieldsAreSkipped() {
        FormSchema form = FormSchemaParser.parse("""
            {"id": "g", "components": [
              {"type": "checkbox", "key": "other", "label": "Other"},
              {"type": "group", "label": "Details", "conditional": {"hide": "=not(other)"}, "components": [
                {"type": "textfield", "key": "detail", "label": "Detail", "validate": {"required": true, "minLength": 3}}
              ]},
              {"type": "textfield", "key": "shown", "label": "Shown", "readonly": true, "validate": {"required": true}},
              {"type": "textfield", "key": "locked", "label": "Locked", "readonly": "=other",
                "validate": {"required": true}},
              {"type": "checklist", "key": "tags", "label": "Tags", "values": [{"label": "A", "value": "a"}]},
              {"type": "select", "key": "dynamic", "label": "Dynamic", "valuesKey": "choices"},
              {"type": "group", "path": "nested", "components": [
                {"type": "textfield", "key": "deep", "validate": {"required": true}}]}
            ]}""".getBytes(StandardCharsets.UTF_8));
        assertThat(form.inputKeys()).containsExactly("other", "detail", "locked", "tags", "dynamic");
        Map<String, Object> values = new HashMap<>(Map.of("dynamic", "anything", "other", false));
        assertThat(validator.problems(form, values::get)).containsExactly("Locked is required");
        values.put("other", true);
        values.put("detail", " ab ");
        values.put("tags", List.of("a", "b"));
        assertThat(validator.problems(form, values::get)).containsExactly("Detail must have at least 3 characters",
            "Tags must be one of a (not 'b')");
    }

    /**
     * disallowPassedDates (form-js: the date picker offers no day before today): a day has passed when it has ended
     * for the borrower (the given zone, see FormZones) and in the engine's zone; a date-time with an offset is its
     * instant's date in the borrower's zone.
     */
    @Test
    void aDateFieldThatDisallowsPassedDatesTakesTodayOnInTheGivenZone() {
        FormValidator validator = new FormValidator(new FeelConditions(), ZoneOffset.UTC); // the engine's zone
        FormSchema call = form("call-borrower");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.parse("2026-12-08T01:00:00Z"); // 09:00 in Shanghai, still 12-07 in New York
        Map<String, Object> values = new HashMap<>(Map.of("callOutcome", "PROMISE_TO_PAY", "reached", true,
            "promiseAmount", 100, "promiseDate", "2026-12-07", "nextFollowUp", "2026-12-01"));
        assertThat(validator.problems(call, values::get, now, () -> shanghai)).containsExactly(
            "Promise date must be today (2026-12-08) or later", "Next follow-up must be today (2026-12-08) or later");
        values.put("nextFollowUp", null);
        assertThat(validator.problems(call, values::get, now, () -> ZoneId.of("America/New_York")))
            .as("12-07 is still today for a borrower in New York").isEmpty();
        values.put("promiseDate", "2026-12-08");
        assertThat(validator.problems(call, values::get, now, () -> shanghai)).as("today is not passed").isEmpty();

        FormSchema form = FormSchemaParser.parse("""
            {"id": "d", "components": [
              {"type": "datetime", "subtype": "datetime", "key": "at", "dateLabel": "When", "disallowPassedDates": true},
              {"type": "datetime", "subtype": "date", "key": "any", "dateLabel": "Any date"},
              {"type": "datetime", "subtype": "time", "key": "time", "timeLabel": "Time", "disallowPassedDates": true}
            ]}""".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> dt = new HashMap<>(Map.of("at", "2026-12-07T15:30Z", "any", "2001-01-01", "time", "08:00"));
        assertThat(validator.problems(form, dt::get, now, () -> shanghai)).as("12-07 23:30 in Shanghai")
            .containsExactly("When must be today (2026-12-08) or later");
        dt.put("at", "2026-12-07T16:30Z");
        assertThat(validator.problems(form, dt::get, now, () -> shanghai)).as("12-08 00:30 in Shanghai").isEmpty();
        dt.put("at", "2026-12-08T09:00");
        assertThat(validator.problems(form, dt::get, now, () -> shanghai)).as("no offset: the date as entered").isEmpty();
        dt.put("at", Date.from(Instant.parse("2026-12-07T15:30:00Z")));
        assertThat(validator.problems(form, dt::get, now, () -> shanghai))
            .containsExactly("When must be today (2026-12-08) or later");
        dt.put("at", "next week");
        assertThat(validator.problems(form, dt::get, now, () -> shanghai))
            .containsExactly("When must be a date (yyyy-mm-dd)");
    }

    /**
     * The borrower's day decides alone: in the evening at the server (UTC) it is already tomorrow in Shanghai, so the
     * server's today has passed for the borrower; without a borrower (no zone) the engine's today counts.
     */
    @Test
    void aDayHasPassedWhenItHasEndedForTheBorrowerWhateverTheServersDate() {
        FormValidator validator = new FormValidator(new FeelConditions(), ZoneOffset.UTC); // the engine's zone
        FormSchema call = form("call-borrower");
        Instant evening = Instant.parse("2026-12-07T20:00:00Z"); // 04:00 on 12-08 in Shanghai
        Map<String, Object> values = new HashMap<>(Map.of("callOutcome", "PROMISE_TO_PAY", "reached", true,
            "promiseAmount", 100, "promiseDate", "2026-12-07"));
        assertThat(validator.problems(call, values::get, evening, () -> ZoneId.of("Asia/Shanghai")))
            .containsExactly("Promise date must be today (2026-12-08) or later");
        assertThat(validator.problems(call, values::get, evening, () -> null)).as("no borrower: the engine's today")
            .isEmpty();
    }

    /** form-js's validationType "phone": an international number, + or 00 and the country code first. */
    @Test
    void aPhoneFieldTakesAnInternationalNumber() {
        FormSchema form = FormSchemaParser.parse("""
            {"id": "p", "components": [
              {"type": "textfield", "key": "phone", "label": "Phone", "validate": {"validationType": "phone"}}
            ]}""".getBytes(StandardCharsets.UTF_8));
        for (String ok : new String[] {"+8613800000000", "008613800000000", "+4930664040900"}) {
            assertThat(validator.problems(form, Map.<String, Object>of("phone", ok)::get)).as(ok).isEmpty();
        }
        for (String bad : new String[] {"13800000000", "+86 138 0000 0000", "call me", "+86"}) {
            assertThat(validator.problems(form, Map.<String, Object>of("phone", bad)::get)).as(bad)
                .containsExactly("Phone must be an international phone number (e.g. +8613800000000)");
        }
    }

    /**
     * A task opens with its form's inputs empty, except fields marked prefilled (custom property prefilled: true):
     * those that show the case's data or an earlier step's value on purpose.
     */
    @Test
    void fieldsThatShowProcessDataOnPurposeAreMarkedPrefilledTheOthersStartEmpty() {
        assertThat(form("call-borrower").keysClearedOnOpen()).as("the overdue reason is the case's")
            .containsExactly("reached", "callOutcome", "promiseDate", "promiseAmount", "callNotes", "nextFollowUp");
        assertThat(form("repayment-plan").keysClearedOnOpen()).as("a refused proposal comes back to be corrected")
            .isEmpty();
        assertThat(form("complaint-register").keysClearedOnOpen()).as("the intake's data, checked and corrected")
            .isEmpty();
        assertThat(form("complaint-handle").keysClearedOnOpen()).containsExactly("decision", "remedy");
        assertThat(form("review-agency-result").keysClearedOnOpen()).as("the recall's proposed outcome is kept")
            .containsExactly("agencyAuditNotes");
        assertThat(form("approve-write-off").keysClearedOnOpen()).as("the second approver decides afresh")
            .containsExactly("writeOffDecision", "writeOffComment");
        assertThat(form("plan-missed-installment").keysClearedOnOpen()).containsExactly("keepPlan");
    }

    /** Asked at every task open and completion: computed once, when the form is parsed, and never changed. */
    @Test
    void theKeySetsOfAFormAreComputedOnceWhenItIsParsed() {
        FormSchema call = form("call-borrower");
        assertThat(call.keysClearedOnOpen()).isSameAs(call.keysClearedOnOpen());
        assertThat(call.inputKeys()).isSameAs(call.inputKeys());
        assertThatThrownBy(() -> call.keysClearedOnOpen().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyFormOfTheApplicationIsRead() throws IOException {
        CachingFeelEngine feel = new CachingFeelEngine();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            List<Path> forms = files.filter(p -> p.toString().endsWith(".form")).toList();
            assertThat(forms).hasSizeGreaterThan(20);
            for (Path file : forms) {
                FormSchema form = FormSchemaParser.parse(Files.readAllBytes(file));
                assertThat(form.id()).as(file.toString()).isEqualTo(file.getFileName().toString().replace(".form", ""));
                // every condition of our forms is FEEL the engine evaluates (a failure would show the field)
                VariableMap blank = Variables.createVariables();
                form.inputKeys().forEach(key -> blank.putValue(key, null));
                form.inputs().forEach(f -> f.hideConditions().forEach(c -> assertThatCode(
                    () -> feel.evaluateSimpleExpression(c, blank.asVariableContext())).as(file + ": " + c)
                    .doesNotThrowAnyException()));
            }
        }
    }

    private static Object[] with(Object[] keyValues, String key, Object value) {
        Object[] more = Arrays.copyOf(keyValues, keyValues.length + 2);
        more[keyValues.length] = key;
        more[keyValues.length + 1] = value;
        return more;
    }
}
