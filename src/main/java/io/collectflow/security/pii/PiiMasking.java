package io.collectflow.security.pii;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks for people who need to recognize a value, not read it: {@code 138****1234}, {@code 3101**********1234}. */
public final class PiiMasking {

    /** A country code written apart from the number: {@code 1} in {@code +1 415 555 0100}. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("^\\s*(\\d{1,3})[\\s.\\-(/]");

    private PiiMasking() {
    }

    /**
     * A Chinese mobile number (with or without +86) as its first 3 and last 4 digits ({@code 138****1234}); another
     * country's number in international form as its country code and last 4 digits ({@code +1 ****0100}, the code
     * only when written apart from the rest); any other number as its first 3 and last 4 digits.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String written = phone.strip();
        boolean viaZeros = written.startsWith("00");
        boolean international = viaZeros || written.startsWith("+");
        String digits = written.replaceAll("[^0-9]", "");
        if (viaZeros) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        } else if (international && digits.length() >= 8) {
            return "+" + countryCode(written) + "****" + digits.substring(digits.length() - 4);
        }
        return digits.length() < 8 ? "*".repeat(digits.length())
            : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** "1 " for "+1 415 555 0100" and "0049 30 …"; "" when the code is not written apart (it is 1–3 digits long). */
    private static String countryCode(String phone) {
        String rest = phone.startsWith("+") ? phone.substring(1) : phone.substring(2);
        Matcher code = COUNTRY_CODE.matcher(rest);
        return code.find() ? code.group(1) + " " : "";
    }

    /** First 4 and last 4 characters of an identity number, the rest starred (length kept). */
    public static String idNumber(String id) {
        if (id == null) {
            return null;
        }
        return id.length() <= 8 ? "*".repeat(id.length())
            : id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** First character of the local part and the domain: {@code w***@example.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Only the beginning of an address (city and district, as a rule). */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        return address.length() <= 6 ? "***" : address.substring(0, 6) + "***";
    }

    /** The first character of every word of a name: {@code W*** L*}, {@code 王**}. */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            int first = word.isEmpty() ? 0 : word.offsetByCodePoints(0, 1);
            masked.append(masked.isEmpty() ? "" : " ").append(word, 0, first)
                .append("*".repeat(word.codePointCount(first, word.length())));
        }
        return masked.toString();
    }
}
