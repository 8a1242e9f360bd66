package io.collectflow.complaint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a complaint is about; {@link #code()} is the lower-case value used in the API, forms and process. */
public enum ComplaintCategory {
    MISCONDUCT, HARASSMENT, FEE_DISPUTE, PRIVACY, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code fee_dispute}, {@code fee-dispute}, {@code Fee dispute}, ...; empty when unknown. */
    public static Optional<ComplaintCategory> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(c -> c.name().equals(normalized)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ComplaintCategory::code).collect(Collectors.joining(", "));
    }
}
