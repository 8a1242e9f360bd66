package io.collectflow.contact.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.collectflow.contact.Channel;

/** Past contacts the frequency caps count: every operator (lender and agencies together). */
public interface ContactHistory {

    /** Instants of contact attempts with the borrower on any of the channels in [from, to]. */
    List<Instant> attempts(String borrowerId, Set<Channel> channels, Instant from, Instant to);
}
