package io.collectflow.contact.compliance;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/** The borrower as the guard sees them: where they live (calendar, time zone) and their contact flags. */
public record ContactSubject(String borrowerId, String loanNo, String region, ZoneId zone, Set<BorrowerFlag> flags) {

    public ContactSubject {
        Objects.requireNonNull(borrowerId, "borrowerId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(zone, "zone");
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }
}
