package io.collectflow.complaint;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The outcome of a complaint as told to the complainant. */
public enum ComplaintDecision {
    UPHELD("upheld"), PARTLY_UPHELD("partly upheld"), NOT_UPHELD("not upheld");

    private final String wording;

    ComplaintDecision(String wording) {
        this.wording = wording;
    }

    public String wording() {
        return wording;
    }

    public static Optional<ComplaintDecision> parse(String value) {
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
