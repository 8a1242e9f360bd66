package io.collectflow.loan.borrower;

import java.util.regex.Pattern;

/**
 * What makes a phone number and an e-mail address usable for contacting a borrower: the case preparation
 * (B1) flags stored data that breaks these rules, and an update of a borrower's contact data must keep them.
 */
public final class ContactDataRules {

    /** An optional +, then 7 to 20 digits, spaces or dashes, starting with a digit. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{6,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ContactDataRules() {
    }

    public static boolean isPhone(String phone) {
        return phone != null && PHONE.matcher(phone.trim()).matches();
    }

    public static boolean isEmail(String email) {
        return email != null && EMAIL.matcher(email.trim()).matches();
    }
}
