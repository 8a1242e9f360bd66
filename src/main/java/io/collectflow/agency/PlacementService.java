package io.collectflow.agency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.loan.LenderProperties;
import io.collectflow.contact.DbTime;
import io.collectflow.loan.payment.PaymentCommand;
import io.collectflow.loan.payment.PaymentService;
import io.collectflow.loan.payment.PostedPayment;

/** Placements with agencies: placing, what agencies recover (with commission), supervision samples and the end. */
@Service
public class PlacementService {

    private static final RowMapper<Placement> PLACEMENT = (rs, n) -> new Placement(rs.getLong("id"),
        rs.getString("loan_no"), rs.getString("agency_code"), rs.getString("selection"), rs.getString("scope"),
        rs.getBigDecimal("fee_percent"), rs.getBigDecimal("placed_amount"), rs.getString("process_instance_id"),
        DbTime.fromDb(rs.getObject("placed_at", LocalDateTime.class)),
        DbTime.fromDb(rs.getObject("expires_at", LocalDateTime.class)), rs.getString("status"));

    private final JdbcTemplate jdbc;
    private final AgencyRegistry registry;
    private final PaymentService payments;
    private final AgencyProperties properties;
    private final Clock clock;
    private final LenderProperties lender;

    public PlacementService(JdbcTemplate jdbc, AgencyRegistry registry, PaymentService payments,
            AgencyProperties properties, Clock clock, LenderProperties lender) {
        this.lender = lender;
        this.jdbc = jdbc;
        this.registry = registry;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Places the loan with the agency for the configured term; fee by debt age. The agency must be eligible
     * as the registry has it now (qualified, NDA, licence valid on the lender's date, not suspended), whatever it was when the
     * placement was proposed: otherwise {@link AgencyNotEligibleException}, thrown before anything is written
     * (so it does not spoil the caller's transaction: the process ends the attempt by a BPMN error).
     */
    @Transactional(noRollbackFor = AgencyNotEligibleException.class)
    public Placement place(String loanNo, Agency agency, String selection, String scope, String processInstanceId,
            Instant now) {
        java.time.LocalDate day = lender.dateAt(now);
        Agency current = registry.find(agency.code()).orElseThrow(() -> new AgencyNotEligibleException(agency.code(),
            "not registered"));
        if (!current.eligibleOn(day)) {
            throw new AgencyNotEligibleException(agency.code(), current.ineligibility(day));
        }
        if (activePlacement(loanNo).isPresent()) {
            throw new IllegalStateException("loan " + loanNo + " is already placed with an agency");
        }
        Integer dpd = jdbc.queryForObject("SELECT dpd FROM loan WHERE loan_no = ?", Integer.class, loanNo);
        BigDecimal amount = jdbc.queryForObject("SELECT overdue_amount FROM loan WHERE loan_no = ?", BigDecimal.class,
            loanNo);
        jdbc.update("""
            INSERT INTO agency_placement (loan_no, agency_code, selection, scope, fee_percent, placed_amount,
                process_instance_id, placed_at, expires_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')""",
            loanNo, agency.code(), selection, scope == null || scope.isBlank() ? "full collection" : scope,
            properties.feeFor(dpd == null ? 0 : dpd), amount, processInstanceId, DbTime.toDb(now),
            DbTime.toDb(now.plus(properties.getPlacementTerm())));
        return activePlacement(loanNo).orElseThrow();
    }

    public Optional<Placement> activePlacement(String loanNo) {
        return jdbc.query("SELECT * FROM agency_placement WHERE loan_no = ? AND status = 'ACTIVE'", PLACEMENT, loanNo)
            .stream().findFirst();
    }

    /** The active placement a placement process made; empty once it ended (or if it never placed). */
    public Optional<Placement> activeForProcess(String processInstanceId) {
        return jdbc.query("SELECT * FROM agency_placement WHERE process_instance_id = ? AND status = 'ACTIVE'",
            PLACEMENT, processInstanceId).stream().findFirst();
    }

    /** The active placement of the loan with this agency; empty if the loan is not placed with it. */
    public Optional<Placement> placedWith(String loanNo, String agencyCode) {
        return activePlacement(loanNo).filter(p -> p.agencyCode().equals(agencyCode));
    }

    public List<Placement> activeFor(String agencyCode) {
        return jdbc.query("SELECT * FROM agency_placement WHERE agency_code = ? AND status = 'ACTIVE' ORDER BY id",
            PLACEMENT, agencyCode);
    }

    public Placement find(long placementId) {
        return jdbc.queryForObject("SELECT * FROM agency_placement WHERE id = ?", PLACEMENT, placementId);
    }

    /** A payment the agency collected: posted to the loan book (idempotent by reference), commission recorded. */
    @Transactional
    public BigDecimal recordRecovery(Placement placement, String paymentRef, java.time.LocalDate paidOn,
            BigDecimal amount, String reportedBy) {
        PostedPayment posted = payments.post(new PaymentCommand(paymentRef, placement.loanNo(), paidOn, amount,
            "agency-" + placement.agencyCode()));
        BigDecimal commission = amount.multiply(placement.feePercent()).divide(new BigDecimal("100"), 2,
            RoundingMode.HALF_UP);
        if (!posted.duplicate()) {
            jdbc.update("""
                INSERT INTO agency_recovery (payment_ref, placement_id, amount, commission, reported_by, reported_at)
                VALUES (?, ?, ?, ?, ?, ?)""", paymentRef, placement.id(), amount, commission, reportedBy,
                DbTime.toDb(clock.instant()));
        }
        return commission;
    }

    public BigDecimal recovered(long placementId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM agency_recovery WHERE placement_id = ?",
            BigDecimal.class, placementId);
    }

    public BigDecimal commission(long placementId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(commission), 0) FROM agency_recovery WHERE placement_id = ?",
            BigDecimal.class, placementId);
    }

    /**
     * Ends the placement: RETURNED by the agency, EXPIRED by the timer, RECALLED for misconduct, WITHDRAWN when
     * the case left the agency stage before any of these (cured, moved by the strategy, closed).
     */
    public void end(long placementId, String status, String reason) {
        jdbc.update("UPDATE agency_placement SET status = ?, end_reason = ?, ended_at = ? WHERE id = ? AND status = 'ACTIVE'",
            status, reason, DbTime.toDb(clock.instant()), placementId);
    }

    /** A random sample of the agency's logged contacts on this placement, for the supervisor. */
    public List<String> supervisionSample(Placement placement) {
        List<String> entries = new java.util.ArrayList<>(jdbc.query("""
            SELECT occurred_at, channel, result, operator_id, summary FROM contact_log
             WHERE loan_no = ? AND operator_type = 'AGENCY' AND occurred_at >= ?""",
            (rs, n) -> rs.getTimestamp("occurred_at").toLocalDateTime().withNano(0) + " " + rs.getString("channel")
                + " " + rs.getString("result") + " by " + rs.getString("operator_id")
                + (rs.getString("summary") == null ? "" : ": " + rs.getString("summary")),
            placement.loanNo(), DbTime.toDb(placement.placedAt())));
        java.util.Collections.shuffle(entries);
        return entries.subList(0, Math.min(entries.size(), properties.getSupervisionSample()));
    }
}
