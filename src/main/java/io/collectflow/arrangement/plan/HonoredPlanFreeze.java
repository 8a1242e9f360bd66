package io.collectflow.arrangement.plan;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

import io.collectflow.loan.delinquency.DelinquencyFreeze;

/**
 * The plans rule of the delinquency scan, set-based: a loan whose latest ACTIVE plan is honored on the
 * scan date keeps its DPD and bucket. Honored means what {@link RepaymentPlanService#activePlanCoverage}
 * says: the loan's payments from the day the plan was created up to the date cover every plan
 * installment due before the date minus {@code collectflow.arrangement.plan.installment-grace} days.
 */
@Component
public class HonoredPlanFreeze implements DelinquencyFreeze {

    private final PlanProperties properties;

    public HonoredPlanFreeze(PlanProperties properties) {
        this.properties = properties;
    }

    @Override
    public String frozenLoansSql() {
        return """
            SELECT p.loan_no
              FROM repayment_plan p
             WHERE p.status = 'ACTIVE'
               AND p.id = (SELECT MAX(q.id) FROM repayment_plan q WHERE q.loan_no = p.loan_no AND q.status = 'ACTIVE')
               AND (SELECT COALESCE(SUM(pay.amount), 0) FROM payment pay
                     WHERE pay.loan_no = p.loan_no AND pay.paid_on >= CAST(p.created_at AS DATE)
                       AND pay.paid_on <= CAST(:asOf AS DATE))
                   >= (SELECT COALESCE(SUM(pi.amount), 0) FROM plan_installment pi
                        WHERE pi.plan_id = p.id AND pi.due_on < CAST(:graceLimit AS DATE))""";
    }

    @Override
    public Map<String, Object> parameters(LocalDate asOf) {
        return Map.of("graceLimit", asOf.minusDays(properties.installmentGrace()));
    }

    /** The same rule for one loan: whether its latest ACTIVE plan is honored on {@code asOf}. */
    public boolean honors(NamedParameterJdbcOperations jdbc, String loanNo, LocalDate asOf) {
        Integer frozen = jdbc.queryForObject("SELECT COUNT(*) FROM (" + frozenLoansSql() + ") f WHERE f.loan_no = :loanNo",
            new MapSqlParameterSource(parameters(asOf)).addValue("asOf", asOf).addValue("loanNo", loanNo), Integer.class);
        return frozen != null && frozen > 0;
    }
}
