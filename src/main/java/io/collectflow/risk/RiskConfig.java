package io.collectflow.risk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.loan.payment.PaymentPostedListener;
import io.collectflow.loan.view.LoanViewService;

/** Wiring of the risk service; a new payment re-scores its loan if the loan is in collection ({@link RiskService#inCollection}). */
@Configuration
public class RiskConfig {

    private static final Logger LOG = LoggerFactory.getLogger(RiskConfig.class);

    @Bean
    RiskService riskService(JdbcTemplate jdbc, LoanViewService loans, RiskRules rules) {
        return new RiskService(jdbc, loans, rules);
    }

    @Bean
    PaymentPostedListener riskPaymentListener(RiskService risk) {
        return (String loanNo, LocalDate paidOn, BigDecimal amount) -> {
            if (!risk.inCollection(loanNo)) {
                return;
            }
            RiskService.RiskAssessment a = risk.assess(loanNo, RiskService.PAYMENT_POSTED, Clock.systemUTC().instant());
            LOG.debug("loan {} re-scored after a payment: {} {}", loanNo, a.score(), a.grade());
        };
    }
}
