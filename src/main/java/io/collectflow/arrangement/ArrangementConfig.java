package io.collectflow.arrangement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.arrangement.promise.PromiseLedger;
import io.collectflow.casework.stage.CaseworkProperties;

/** Wiring of the promise ledger; the grace is the case's {@code collectflow.case.promise-grace}. */
@Configuration
public class ArrangementConfig {

    @Bean
    PromiseLedger promiseLedger(JdbcTemplate jdbc, CaseworkProperties caseProperties) {
        return new PromiseLedger(jdbc, caseProperties.promiseGrace());
    }
}
