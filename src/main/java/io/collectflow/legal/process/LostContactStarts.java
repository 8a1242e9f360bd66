package io.collectflow.legal.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.contact.compliance.UnknownLoanException;
import io.collectflow.legal.LostContactRegistry;
import io.collectflow.legal.LostContactService;

/**
 * Starts lost-contact.bpmn (C5) for one loan or for every loan {@link LostContactService} finds. Each start
 * is one transaction: the guard row (unique per running skip trace, so two nodes cannot both start one),
 * the process instance, and the {@code BorrowerLostContact} message to the loan's collection case.
 */
@Service
public class LostContactStarts {

    public static final String PROCESS_KEY = "lost-contact";
    /** started_by of the nightly run. */
    public static final String SCHEDULE = "SCHEDULE";
    public static final String UNREACHABLE_SINCE = "unreachableSince";
    public static final String STARTED_BY = "lostContactStartedBy";
    /** What each skip-trace step found (forms skip-trace-systems, skip-trace-shared-contacts): notes of its own. */
    public static final String SYSTEMS_TRACE_NOTES = "systemsTraceNotes";
    public static final String SHARED_CONTACTS_TRACE_NOTES = "sharedContactsTraceNotes";
    /** Ticked on a skip-trace step once the new contact data is in the borrower's record: the trace ends, found. */
    public static final String NEW_CONTACT_FOUND = "newContactFound";

    private static final Logger LOG = LoggerFactory.getLogger(LostContactStarts.class);

    /** One start: the running skip trace of the loan and whether it was already running. */
    public record Started(String processInstanceId, boolean duplicate) {
    }

    /** One run over the portfolio. */
    public record Run(int candidates, int started, int alreadyRunning, int failed) {
    }

    private final LostContactService lostContact;
    private final LostContactRegistry registry;
    private final CaseLifecycle cases;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;

    public LostContactStarts(LostContactService lostContact, LostContactRegistry registry, CaseLifecycle cases,
                             RuntimeService runtime, PlatformTransactionManager transactions) {
        this.lostContact = lostContact;
        this.registry = registry;
        this.cases = cases;
        this.runtime = runtime;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Every loan unreachable for the configured period gets its skip trace (one per loan, cluster-wide). */
    public Run startAll(LocalDate today) {
        int started = 0;
        int running = 0;
        int failed = 0;
        var loans = lostContact.lostContactLoans(today);
        for (String loanNo : loans) {
            try {
                if (start(loanNo, SCHEDULE).duplicate()) {
                    running++;
                } else {
                    started++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.error("lost-contact start for loan {} failed; the next run tries again", loanNo, e);
            }
        }
        return new Run(loans.size(), started, running, failed);
    }

    /** Starts the loan's skip trace unless one runs; {@code startedBy} is a user id or {@link #SCHEDULE}. */
    public Started start(String loanNo, String startedBy) {
        String status = lostContact.loanStatus(loanNo).orElseThrow(() -> new UnknownLoanException(loanNo));
        if (!"ACTIVE".equals(status)) {
            throw new LoanNotActiveException("loan " + loanNo + " is " + status + ": no skip trace");
        }
        Started started = tryStart(loanNo, startedBy);
        if (started.duplicate() && started.processInstanceId() != null && !isRunning(started.processInstanceId())) {
            // the guard row outlived its process (deleted without listeners): free it and start afresh
            registry.release(loanNo, now());
            return tryStart(loanNo, startedBy);
        }
        return started;
    }

    private Started tryStart(String loanNo, String startedBy) {
        try {
            return tx.execute(status -> {
                long id = registry.claim(loanNo, startedBy, now()).orElseThrow(AlreadyRunning::new);
                String since = lostContact.lastReachedOn(loanNo).map(LocalDate::toString).orElse("never reached");
                String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, loanNo,
                    Map.of(Vars.LOAN_NO, loanNo, UNREACHABLE_SINCE, since, STARTED_BY, startedBy)).getId();
                registry.attachProcessInstance(id, processInstanceId);
                cases.lostContact(loanNo);
                return new Started(processInstanceId, false);
            });
        } catch (AlreadyRunning e) {
            Optional<String> running = registry.runningProcessInstance(loanNo);
            return new Started(running.orElse(null), true);
        }
    }

    /** The engine's clock, as the process's end listener uses (a simulation sets it). */
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private boolean isRunning(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /** Only active loans are traced. */
    public static final class LoanNotActiveException extends RuntimeException {
        LoanNotActiveException(String message) {
            super(message);
        }
    }

    /** The loan's guard row exists: its transaction is rolled back (PostgreSQL aborts it anyway). */
    private static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super(null, null, false, false);
        }
    }
}
