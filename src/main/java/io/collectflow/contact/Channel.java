package io.collectflow.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways a borrower can be contacted; {@link #code()} is the lower-case name used in the API and the process. */
public enum Channel {
    CALL, SMS, EMAIL, VOICE, VISIT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API/process value such as {@code sms}; an unknown value names the allowed ones. */
    public static Channel fromCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("channel is required (one of " + allowed() + ")");
        }
        for (Channel c : values()) {
            if (c.code().equalsIgnoreCase(code.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + code + "' (one of " + allowed() + ")");
    }

    private static String allowed() {
        return Arrays.stream(values()).map(Channel::code).collect(Collectors.joining(", "));
    }
}
