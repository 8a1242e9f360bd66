package io.collectflow.casework.form;

import java.time.ZoneId;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.contact.compliance.BorrowerDirectory;

/**
 * The zone in which a form's dates are checked ({@code disallowPassedDates}: "today"): the borrower's zone when the
 * task's process works a loan ({@code loanNo}) whose borrower has a known one ({@link BorrowerDirectory#zoneOf}, the
 * guard's own lookup), else none — the engine's default zone then counts.
 *
 * <p>Why the borrower's: the dates our forms keep from the past are the borrower's dates — a promise date, the next
 * follow-up — and the case reads them in the borrower's zone (a promise is checked after the end of its date there,
 * the call report refuses a date before the borrower's today, contacts are planned in the borrower's hours). A
 * collector working a borrower in another zone must not promise a day that has already ended for the borrower, nor be
 * refused a day that has not ended there. A task without a loan (a complaint, a hotline start form) has no borrower to
 * ask: the engine's zone, as the rest of the engine uses.
 */
@Component
public class FormZones {

    private final BorrowerDirectory borrowers;

    public FormZones(BorrowerDirectory borrowers) {
        this.borrowers = borrowers;
    }

    /** The borrower's zone of the loan among the {@code variables} (a task's, a start form's); null when none. */
    public ZoneId of(Function<String, Object> variables) {
        Object loanNo = variables.apply(Vars.LOAN_NO);
        return loanNo == null ? null : borrowers.zoneOf(loanNo.toString()).orElse(null);
    }
}
