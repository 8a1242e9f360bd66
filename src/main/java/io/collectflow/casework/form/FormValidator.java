package io.collectflow.casework.form;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks values against a form's fields as Tasklist's form renderer (form-js) does before it submits, so a client
 * that skips the form (REST, scripts) is held to the same rules: {@code validate.required}, {@code min}/{@code max}
 * of numbers, {@code minLength}/{@code maxLength}, {@code pattern} and {@code validationType: email} of texts, and
 * the static options of selects, radios, checklists and tag lists, {@code validationType: phone} (an international
 * number: {@code +} or {@code 00}, then the country code and at least five more digits, no spaces — form-js's own
 * pattern also lists the country codes; this one takes any, so it never refuses what the browser accepts), and dates:
 * a date or date-time field must hold a date ({@code yyyy-mm-dd}, a date-time as form-js writes it, or a date value)
 * and, with {@code disallowPassedDates}, none before today. A field hidden by its {@code conditional.hide} (or its
 * group's) or made read-only by a FEEL {@code readonly} is not checked. Problems name the field by its label.
 *
 * <p>Conditions see the values as the form shows them: a box nobody ticked is false, as in form-js. Blank text counts
 * as missing.
 *
 * <p>A date has passed when its day has ended in the zone the caller gives (the borrower's, see {@link FormZones});
 * in the engine's zone when the caller knows none. A date-time with an offset, or a date value, counts as its
 * instant's date in that zone; a date without offset counts as written. The zone is only asked for when a field needs
 * it.
 *
 * <p>A checkbox left out of the values (null) is refused naming its key: the browser always sends an unticked box as
 * false, and a missing answer is neither a yes nor a no. {@code decimalDigits} and {@code increment} of a number field
 * are checked as form-js checks them (the digits after the point; a multiple of the increment).
 */
public final class FormValidator {

    private static final Logger LOG = LoggerFactory.getLogger(FormValidator.class);
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    /** Tested like form-js tests its phone pattern (found at the end of the text). */
    private static final Pattern PHONE = Pattern.compile("(?:\\+|00)[1-9]\\d{5,29}$");
    private static final int SHOWN_VALUE_LENGTH = 40;

    /** Evaluates a form's FEEL condition (without its leading "=") against the form's values. */
    @FunctionalInterface
    public interface Conditions {

        /** True only when the condition evaluates to true; false for false, null or a failed evaluation. */
        boolean isTrue(String condition, Function<String, Object> values);
    }

    private final Conditions conditions;
    private final ZoneId engineZone;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public FormValidator(Conditions conditions) {
        this(conditions, ZoneId.systemDefault());
    }

    /** @param engineZone the engine's zone (the JVM's in the application) */
    public FormValidator(Conditions conditions, ZoneId engineZone) {
        this.conditions = conditions;
        this.engineZone = engineZone;
    }

    /** Every problem of the values, in form order, with today in the engine's clock and the JVM's zone. */
    public List<String> problems(FormSchema form, Function<String, Object> values) {
        return problems(form, values, ClockUtil.getCurrentTime().toInstant(), () -> engineZone);
    }

    /**
     * Every problem of the values, in form order; empty when the form would accept them.
     *
     * @param now  the moment of the check (today for {@code disallowPassedDates})
     * @param zone the borrower's zone, in which date-times are read and whose today counts; null when there is no
     *             borrower (the engine's zone then); asked only when a date field needs it
     */
    public List<String> problems(FormSchema form, Function<String, Object> values, Instant now, Supplier<ZoneId> zone) {
        Map<String, FormField> byKey = new HashMap<>();
        form.inputs().forEach(f -> byKey.putIfAbsent(f.key(), f));
        Function<String, Object> shown = name -> {
            Object value = values.apply(name);
            FormField field = byKey.get(name);
            return value == null && field != null ? field.emptyValue() : value;
        };
        Map<String, Boolean> evaluated = new HashMap<>();
        Function<String, Boolean> holds = c -> evaluated.computeIfAbsent(c, x -> conditions.isTrue(x, shown));
        Today today = new Today(now, zone, engineZone);
        List<String> problems = new ArrayList<>();
        for (FormField field : form.inputs()) {
            boolean skipped = field.hideConditions().stream().anyMatch(holds::apply)
                || field.readonlyCondition() != null && holds.apply(field.readonlyCondition());
            if (!skipped) {
                check(field, values.apply(field.key()), problems, today);
            }
        }
        return problems;
    }

    /**
     * Today and the borrower's zone, looked up once and only when a date field needs them. A day has passed when it
     * has ended in the borrower's zone, as for the case's own report checks; the engine's zone counts only when no
     * borrower is known (the lookup gives null).
     */
    private static final class Today {

        private final Instant now;
        private final Supplier<ZoneId> lookup;
        private final ZoneId engineZone;
        private ZoneId zone;

        Today(Instant now, Supplier<ZoneId> lookup, ZoneId engineZone) {
            this.now = now;
            this.lookup = lookup;
            this.engineZone = engineZone;
        }

        ZoneId zone() {
            if (zone == null) {
                ZoneId found = lookup.get();
                zone = found == null ? engineZone : found;
            }
            return zone;
        }

        /** The earliest date that has not passed: today in the borrower's zone (else the engine's). */
        LocalDate date() {
            return LocalDate.ofInstant(now, zone());
        }
    }

    private void check(FormField field, Object value, List<String> problems, Today today) {
        String label = field.label();
        if (value == null && FormField.CHECKBOX.equals(field.type())) {
            // the browser always sends a box; left out, neither answer can be assumed (an approval is no rejection)
            problems.add(field.key() + ": tick or untick the box (true or false)");
            return;
        }
        if (missing(field, value)) {
            if (field.required()) {
                problems.add(label + " is required");
            }
            return;
        }
        if (FormField.NUMBER.equals(field.type())) {
            checkNumber(field, value, problems);
        } else if (FormField.CHECKBOX.equals(field.type()) && !(value instanceof Boolean)) {
            problems.add(label + " must be true or false");
        }
        if (field.options() != null) {
            checkOptions(field, value, problems);
        }
        if (field.holdsDate()) {
            checkDate(field, value, problems, today);
        } else if (value instanceof String text) {
            checkText(field, text, problems);
        }
    }

    private static void checkDate(FormField field, Object value, List<String> problems, Today today) {
        Supplier<ZoneId> zone = field.disallowPassedDates() ? today::zone : () -> ZoneOffset.UTC;
        LocalDate date = date(value, zone);
        if (date == null) {
            problems.add(field.label() + " must be a date (yyyy-mm-dd)");
        } else if (field.disallowPassedDates() && date.isBefore(today.date())) {
            problems.add(field.label() + " must be today (" + today.date() + ") or later");
        }
    }

    /**
     * The date a value stands for: a text as form-js writes it ({@code 2026-12-08}, {@code 2026-12-08T09:00} as
     * written; {@code 2026-12-08T01:00Z} or {@code …+08:00} as the instant's date in {@code zone}), or a date value;
     * null when it is none.
     */
    static LocalDate date(Object value, Supplier<ZoneId> zone) {
        try {
            if (value instanceof String text) {
                String t = text.strip();
                if (t.length() <= 10) {
                    return LocalDate.parse(t);
                }
                try {
                    return OffsetDateTime.parse(t).atZoneSameInstant(zone.get()).toLocalDate();
                } catch (DateTimeParseException noOffset) {
                    return LocalDateTime.parse(t).toLocalDate();
                }
            }
        } catch (DateTimeParseException notADate) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime d) {
            return d.toLocalDate();
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), zone.get());
        }
        if (value instanceof Instant i) {
            return LocalDate.ofInstant(i, zone.get());
        }
        if (value instanceof OffsetDateTime d) {
            return d.atZoneSameInstant(zone.get()).toLocalDate();
        }
        return value instanceof ZonedDateTime d ? d.withZoneSameInstant(zone.get()).toLocalDate() : null;
    }

    private static boolean missing(FormField field, Object value) {
        if (value == null) {
            return true;
        }
        if (FormField.CHECKBOX.equals(field.type())) {
            return Boolean.FALSE.equals(value);
        }
        return value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty();
    }

    private static void checkNumber(FormField field, Object value, List<String> problems) {
        BigDecimal number = number(value);
        if (number == null) {
            problems.add(field.label() + " must be a number");
            return;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            problems.add(field.label() + " must be at least " + plain(field.min()));
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            problems.add(field.label() + " must be at most " + plain(field.max()));
        }
        Integer digits = field.decimalDigits();
        if (digits != null && digits >= 0 && Math.max(0, number.stripTrailingZeros().scale()) > digits) {
            problems.add(field.label() + (digits == 0 ? " must be a whole number"
                : " must have at most " + digits + " decimal digit" + (digits == 1 ? "" : "s")));
        }
        BigDecimal step = field.increment();
        BigDecimal off = step == null ? BigDecimal.ZERO : number.remainder(step);
        if (off.signum() != 0) {
            BigDecimal lower = number.subtract(off).subtract(off.signum() < 0 ? step : BigDecimal.ZERO);
            problems.add(field.label() + " must be a multiple of " + plain(step) + " (the nearest are " + plain(lower)
                + " and " + plain(lower.add(step)) + ")");
        }
    }

    private static void checkOptions(FormField field, Object value, List<String> problems) {
        Collection<?> chosen = field.multiple() && value instanceof Collection<?> c ? c : List.of(value);
        for (Object choice : chosen) {
            if (choice == null || !field.options().contains(choice.toString())) {
                problems.add(field.label() + " must be one of " + String.join(", ", field.options()) + " (not '"
                    + shorten(String.valueOf(choice)) + "')");
                return;
            }
        }
    }

    private void checkText(FormField field, String text, List<String> problems) {
        String label = field.label();
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            problems.add(label + " must have at least " + field.minLength() + " characters");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            problems.add(label + " must have at most " + field.maxLength() + " characters");
        }
        Pattern pattern = field.pattern() == null ? null : pattern(field.pattern());
        if (pattern != null && !pattern.matcher(text).find()) {
            problems.add(label + " is not in the expected format");
        }
        if ("email".equalsIgnoreCase(field.validationType()) && !EMAIL.matcher(text.strip()).matches()) {
            problems.add(label + " must be an e-mail address");
        }
        if ("phone".equalsIgnoreCase(field.validationType()) && !PHONE.matcher(text).find()) {
            problems.add(label + " must be an international phone number (e.g. +8613800000000)");
        }
    }

    /** The compiled pattern (form-js tests it like JavaScript's RegExp.test: found anywhere); null if Java cannot read it. */
    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                LOG.warn("Form pattern {} is not a Java regular expression; not checked: {}", r, e.getDescription());
                return Pattern.compile("");
            }
        });
    }

    private static BigDecimal number(Object value) {
        try {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(value.toString().strip());
            }
        } catch (NumberFormatException notANumber) {
            // NaN, infinity or text
        }
        return null;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String shorten(String value) {
        return value.length() <= SHOWN_VALUE_LENGTH ? value : value.substring(0, SHOWN_VALUE_LENGTH) + "…";
    }
}
