package io.collectflow.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Complaints per 1,000 collection cases (I5) for a period of days [from, to] in the complaints team's zone:
 * complaints received in the period divided by the cases active at any time in it (opened on or before
 * {@code to} and not closed before {@code from}).
 */
@Service
public class ComplaintRateService {

    /** {@code perThousand} is null when no case was active (the rate is undefined). */
    public record ComplaintRate(LocalDate from, LocalDate to, long complaints, long cases, BigDecimal perThousand) {
    }

    private final ComplaintRepository complaints;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    public ComplaintRateService(ComplaintRepository complaints, JdbcClient jdbc, ComplaintProperties properties) {
        this.complaints = complaints;
        this.jdbc = jdbc;
        this.zone = properties.getZone();
    }

    public ComplaintRate rate(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        long received = complaints.countReceived(from.atStartOfDay(zone).toInstant(),
            to.plusDays(1).atStartOfDay(zone).toInstant());
        long cases = jdbc.sql("""
                SELECT COUNT(*) FROM collection_case
                WHERE opened_on <= :to AND (closed_on IS NULL OR closed_on >= :from)
                """)
            .param("from", from).param("to", to).query(Long.class).single();
        BigDecimal perThousand = cases == 0 ? null
            : BigDecimal.valueOf(received).multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(cases), 2,
                RoundingMode.HALF_UP);
        return new ComplaintRate(from, to, received, cases, perThousand);
    }
}
