package io.collectflow.arrangement.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.loan.view.LoanViewService;

/** Wiring of the repayment-plan service. */
@Configuration
public class PlanConfig {

    @Bean
    RepaymentPlanService repaymentPlanService(JdbcTemplate jdbc, LoanViewService loans, PlanPolicy policy,
            PlanProperties properties, HonoredPlanFreeze honoredRule) {
        return new RepaymentPlanService(jdbc, loans, policy, properties, honoredRule);
    }
}
