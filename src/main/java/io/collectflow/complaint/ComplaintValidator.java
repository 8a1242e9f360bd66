package io.collectflow.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Checks a submission field by field and names every problem. Which contact details are required depends on
 * the channel: online needs name, phone and e-mail; the hotline name and phone; a mail its sender's address.
 * The text is kept as plain text: markup is allowed in it but never interpreted.
 */
@Component
public class ComplaintValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{5,24}$");
    private static final Pattern LOAN_NO = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9\\-_/.]{0,63}$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private final ComplaintProperties properties;

    public ComplaintValidator(ComplaintProperties properties) {
        this.properties = properties;
    }

    public void validate(ComplaintSubmission s) {
        List<FieldError> errors = problems(s);
        if (!errors.isEmpty()) {
            throw new InvalidComplaintException(errors);
        }
    }

    /** Every invalid field of the submission, none when it is valid. */
    public List<FieldError> problems(ComplaintSubmission s) {
        List<FieldError> errors = new ArrayList<>();
        boolean online = s.channel() == IntakeChannel.ONLINE;
        text(errors, "name", s.name(), true, 100);
        if (s.name() != null && CONTROL.matcher(s.name()).find()) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        boolean phoneRequired = s.channel() != IntakeChannel.EMAIL;
        if (blank(s.phone())) {
            if (phoneRequired) {
                errors.add(new FieldError("phone", "is required"));
            }
        } else if (!PHONE.matcher(s.phone().strip()).matches() || digits(s.phone()) < 6 || digits(s.phone()) > 15) {
            errors.add(new FieldError("phone", "must be a phone number of 6 to 15 digits, e.g. +86 138 0013 8000"));
        }
        boolean emailRequired = s.channel() != IntakeChannel.HOTLINE;
        if (blank(s.email())) {
            if (emailRequired) {
                errors.add(new FieldError("email", "is required"));
            }
        } else if (s.email().strip().length() > 254 || !EMAIL.matcher(s.email().strip()).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.com"));
        }
        if (!blank(s.loanNo()) && !LOAN_NO.matcher(s.loanNo().strip()).matches()) {
            errors.add(new FieldError("loanNo", "must be up to 64 letters, digits or - _ / ."));
        }
        if (!blank(s.category()) && ComplaintCategory.parse(s.category()).isEmpty()) {
            errors.add(new FieldError("category", "must be one of " + ComplaintCategory.allowed()));
        }
        if (blank(s.text())) {
            errors.add(new FieldError("text", "is required"));
        } else {
            int length = s.text().strip().length();
            if (online && length < properties.getMinTextLength()) {
                errors.add(new FieldError("text", "must be at least " + properties.getMinTextLength() + " characters"));
            } else if (length > properties.getMaxTextLength()) {
                errors.add(new FieldError("text", "must be at most " + properties.getMaxTextLength() + " characters (was "
                    + length + ")"));
            } else if (s.text().indexOf('\0') >= 0) {
                errors.add(new FieldError("text", "must not contain NUL characters"));
            }
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static long digits(String value) {
        return value.chars().filter(Character::isDigit).count();
    }
}
