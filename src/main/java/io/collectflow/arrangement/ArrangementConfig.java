package io.collectflow.arrangement;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.arrangement.promise.PromiseLedger;
import io.collectflow.arrangement.promise.PromiseSettlementService;
import io.collectflow.casework.stage.CaseworkProperties;
import io.collectflow.loan.delinquency.ScanLock;
import io.collectflow.risk.RiskService;

/** Wiring of the promise ledger; the grace is the case's {@code collectflow.case.promise-grace}. */
@Configuration
public class ArrangementConfig {

    @Bean
    PromiseLedger promiseLedger(JdbcTemplate jdbc, CaseworkProperties caseProperties) {
        return new PromiseLedger(jdbc, caseProperties.promiseGrace());
    }

    /** The daily settlement; {@code collectflow.arrangement.promise-settlement-lock-at-most} bounds a crashed run's lock. */
    @Bean
    PromiseSettlementService promiseSettlementService(PromiseLedger ledger, ScanLock lock, RiskService risk,
            ApplicationEventPublisher events, PlatformTransactionManager transactions,
            @Value("${collectflow.arrangement.promise-settlement-lock-at-most:PT30M}") Duration lockAtMost) {
        return new PromiseSettlementService(ledger, lock, risk, events, new TransactionTemplate(transactions),
            lockAtMost);
    }
}
