package io.collectflow.arrangement.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wiring of the repayment-plan service. */
@Configuration
public class PlanConfig {

    @Bean
    RepaymentPlanService repaymentPlanService(JdbcTemplate jdbc, PlanPolicy policy, PlanProperties properties,
            HonoredPlanFreeze honoredRule) {
        return new RepaymentPlanService(jdbc, policy, properties, honoredRule);
    }
}
