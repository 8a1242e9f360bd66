package io.collectflow.contact.log;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which {@code contact_log.result} values mean the borrower was reached (a right-party contact). Results are
 * written by three sources with their own vocabularies: automated and agency contacts (ANSWERED, VISITED,
 * PROMISE_MADE, REFUSED), the collectors' call task (its outcome: PROMISE_TO_PAY, REFUSED, EVASIVE,
 * PLAN_REQUESTED) and the visit task (PLAN_CONFIRMED, ESCALATE: the borrower was met). Lost-contact detection,
 * the limitation period of a write-off and the right-party-contact KPI all count the same set.
 */
public final class ContactResults {

    /** Results that show the borrower was reached; NO_ANSWER, NOT_MET, WRONG_NUMBER, FAILED, OTHER, … do not. */
    public static final List<String> REACHED = List.of("ANSWERED", "VISITED", "PROMISE_MADE", "PROMISE_TO_PAY",
        "REFUSED", "EVASIVE", "PLAN_REQUESTED", "PLAN_CONFIRMED", "ESCALATE");

    /** {@link #REACHED} as an SQL list of literals, for {@code result IN (…)}. */
    public static final String REACHED_SQL = REACHED.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", "));

    private ContactResults() {
    }
}
