package io.collectflow.security.pii;

/** Masks for people who need to recognize a value, not read it: {@code 138****1234}, {@code 3101**********1234}. */
public final class PiiMasking {

    private PiiMasking() {
    }

    /** First 3 and last 4 digits of a phone number. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.length() < 8 ? "*".repeat(digits.length())
            : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
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
