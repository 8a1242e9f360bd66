package io.collectflow.loan.delinquency;

import java.time.LocalDate;
import java.util.Map;

/**
 * A rule under which a delinquent loan's DPD and bucket stay as the last scan left them (e.g. a
 * repayment plan that is being honored, see {@code arrangement.plan}). Applied by the scan set-based:
 * the rule is a query, not a check per loan. Defined here so the loan book does not depend on the
 * features that contribute rules.
 */
public interface DelinquencyFreeze {

    /**
     * A query selecting one column, {@code loan_no}, of the loans frozen on the scan date; it may use
     * the named parameter {@code :asOf} (a DATE) and those of {@link #parameters}. Portable SQL
     * (PostgreSQL and H2).
     */
    String frozenLoansSql();

    /** Further named parameters of {@link #frozenLoansSql()} for the scan date. */
    Map<String, Object> parameters(LocalDate asOf);
}
