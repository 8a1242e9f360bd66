package io.collectflow.risk;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.contact.log.ContactLogged;

/**
 * Re-scores after every contact-log entry (E2 "recomputed on every relevant event"): automated SMS, e-mail
 * and voice attempts and their failures, and contacts recorded by staff or agencies. It runs once the
 * contact is committed, in a transaction of its own, so a scoring failure never undoes or blocks a
 * contact; it is logged. A contact without a loan re-scores each overdue loan of the borrower.
 */
@Component
public class ContactRiskTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(ContactRiskTrigger.class);

    private final RiskService risk;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public ContactRiskTrigger(RiskService risk, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        this.risk = risk;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void contactLogged(ContactLogged contact) {
        List<String> loans = contact.loanNo() != null ? List.of(contact.loanNo())
            : jdbc.queryForList("SELECT loan_no FROM loan WHERE borrower_id = ? AND dpd > 0 ORDER BY loan_no",
                String.class, contact.borrowerId());
        for (String loanNo : loans) {
            try {
                RiskService.RiskAssessment a = ownTransaction.execute(
                    status -> risk.assess(loanNo, RiskService.CONTACT_RECORDED, clock.instant()));
                LOG.debug("loan {} re-scored after {} contact {} ({}): {} {}", loanNo, contact.channel(),
                    contact.contactId(), contact.result(), a.score(), a.grade());
            } catch (RuntimeException e) {
                LOG.warn("re-scoring loan {} after contact {} failed", loanNo, contact.contactId(), e);
            }
        }
    }
}
