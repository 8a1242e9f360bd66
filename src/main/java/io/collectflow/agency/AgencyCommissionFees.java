package io.collectflow.agency;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.collectflow.kpi.AgencyFees;

/**
 * The agencies' cost for the KPIs (SPEC H2, I4): the commission earned on the recoveries they reported
 * ({@code agency_recovery}), in the period the borrower paid.
 */
@Component
public class AgencyCommissionFees implements AgencyFees {

    private final JdbcTemplate jdbc;

    public AgencyCommissionFees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal feesBetween(LocalDate from, LocalDate to) {
        BigDecimal fees = jdbc.queryForObject("""
            SELECT COALESCE(SUM(r.commission), 0) FROM agency_recovery r JOIN payment p ON p.payment_ref = r.payment_ref
             WHERE p.paid_on >= ? AND p.paid_on <= ?""", BigDecimal.class, from, to);
        return fees == null ? BigDecimal.ZERO : fees;
    }
}
