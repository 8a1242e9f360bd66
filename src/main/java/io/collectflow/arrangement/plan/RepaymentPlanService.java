package io.collectflow.arrangement.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.collectflow.loan.view.LoanStanding;
import io.collectflow.loan.view.LoanViewService;

/**
 * Repayment plans (B3, D1): ability to pay, proposal with the policy decision, confirmation by the
 * borrower (one-time token or written document), tracking of the plan installments, and the
 * coverage rule the delinquency scan applies while a plan is honored. Runs in the caller's transaction
 * (the engine's job or {@code PlanConfirmation}).
 */
public class RepaymentPlanService {

    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    public static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";
    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";
    public static final String BROKEN = "BROKEN";
    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";
    public static final String ELECTRONIC = "ELECTRONIC";
    public static final String WRITTEN = "WRITTEN";

    private static final int MAX_INSTALLMENTS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final LoanViewService loans;
    private final PlanPolicy policy;
    private final PlanProperties properties;
    private final HonoredPlanFreeze honoredRule;
    private final NamedParameterJdbcTemplate named;

    public RepaymentPlanService(JdbcTemplate jdbc, LoanViewService loans, PlanPolicy policy, PlanProperties properties,
            HonoredPlanFreeze honoredRule) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.policy = policy;
        this.properties = properties;
        this.honoredRule = honoredRule;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Checks the ability to pay, stores the plan with its schedule and decides whether a manager must approve it. */
    public Proposal propose(PlanRequest r, Instant now, LocalDate today) {
        Optional<LoanStanding> loan = r.loanNo() == null ? Optional.empty() : loans.standing(r.loanNo());
        List<String> problems = new ArrayList<>();
        if (loan.isEmpty()) {
            problems.add("loanNo: unknown loan " + r.loanNo());
        }
        if (r.declaredIncome() == null || r.declaredIncome().signum() < 0) {
            problems.add("declaredIncome: enter the monthly income (0 or more)");
        }
        if (r.otherDebts() == null || r.otherDebts().signum() < 0) {
            problems.add("otherDebts: enter the monthly payments on other debts (0 or more)");
        }
        if (r.installments() < 1 || r.installments() > MAX_INSTALLMENTS) {
            problems.add("installmentCount: between 1 and " + MAX_INSTALLMENTS);
        }
        if (r.firstDueOn() == null || r.firstDueOn().isBefore(today)) {
            problems.add("firstDueOn: a date from today on");
        }
        if (r.confirmation() == null || !(ELECTRONIC.equals(r.confirmation()) || WRITTEN.equals(r.confirmation()))) {
            problems.add("planConfirmation: ELECTRONIC or WRITTEN");
        }
        BigDecimal total = r.totalAmount();
        if (total == null && loan.isPresent()) {
            total = loan.get().overdueAmount();
        }
        if (total == null || total.signum() <= 0) {
            problems.add("totalAmount: the plan needs a positive amount (the loan shows nothing overdue)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        BigDecimal max = PlanSchedule.maxAffordable(r.declaredIncome(), r.otherDebts(), properties.affordabilityRatio());
        List<PlanSchedule.Installment> schedule = PlanSchedule.installments(total, r.installments(), r.firstDueOn());
        BigDecimal largest = schedule.stream().map(PlanSchedule.Installment::amount).max(BigDecimal::compareTo).orElseThrow();
        boolean affordable = largest.compareTo(max) <= 0;
        Integer notKept = jdbc.queryForObject(
            "SELECT COUNT(*) FROM promise_to_pay WHERE loan_no = ? AND status IN ('BROKEN', 'PARTIALLY_KEPT')",
            Integer.class, r.loanNo());
        PlanPolicy.Verdict verdict = policy.evaluate(new PlanPolicy.Input(affordable, r.installments(),
            (int) ChronoUnit.DAYS.between(today, r.firstDueOn()), r.overdueReason() == null ? "OTHER" : r.overdueReason(),
            notKept == null ? 0 : notKept, loan.orElseThrow().dpd()));
        long planId = insertPlan(r, total, max, verdict, now);
        for (PlanSchedule.Installment i : schedule) {
            jdbc.update("INSERT INTO plan_installment (plan_id, seq, due_on, amount, status) VALUES (?, ?, ?, ?, 'DUE')",
                planId, i.seq(), Date.valueOf(i.dueOn()), i.amount());
        }
        return new Proposal(planId, max, largest, affordable, verdict.withinPolicy(), verdict.note(), schedule);
    }

    private long insertPlan(PlanRequest r, BigDecimal total, BigDecimal max, PlanPolicy.Verdict verdict, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                INSERT INTO repayment_plan (loan_no, status, collector, declared_income, other_debts, max_installment,
                    total_amount, installment_count, first_due_on, within_policy, policy_note, confirmation_mode, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, r.loanNo());
            ps.setString(2, verdict.withinPolicy() ? AWAITING_CONFIRMATION : AWAITING_APPROVAL);
            ps.setString(3, r.collector());
            ps.setBigDecimal(4, r.declaredIncome());
            ps.setBigDecimal(5, r.otherDebts());
            ps.setBigDecimal(6, max);
            ps.setBigDecimal(7, total);
            ps.setInt(8, r.installments());
            ps.setDate(9, Date.valueOf(r.firstDueOn()));
            ps.setBoolean(10, verdict.withinPolicy());
            ps.setString(11, verdict.note());
            ps.setString(12, r.confirmation());
            ps.setTimestamp(13, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /**
     * The manager's decision on a plan outside policy, recorded under {@code manager}.
     *
     * @throws PlanApprovalRefusedException if the manager is unknown or proposed the plan (four eyes: the collector on
     *                                      the plan does not decide on it)
     */
    public void decide(long planId, String manager, boolean approved, Instant now) {
        if (manager == null || manager.isBlank()) {
            throw new PlanApprovalRefusedException("repayment plan " + planId
                + ": the approver is unknown; claim the task before deciding");
        }
        String proposer = jdbc.queryForObject("SELECT collector FROM repayment_plan WHERE id = ?", String.class, planId);
        if (manager.equals(proposer)) {
            throw new PlanApprovalRefusedException("repayment plan " + planId + ": " + manager
                + " proposed this plan and may not decide on it; another manager decides (four-eyes rule)");
        }
        jdbc.update("UPDATE repayment_plan SET approved_by = ?, status = ?, ended_at = ? WHERE id = ?", manager,
            approved ? AWAITING_CONFIRMATION : REJECTED, approved ? null : Timestamp.from(now), planId);
    }

    /**
     * Starts the borrower's confirmation. ELECTRONIC: returns a fresh one-time token (only its
     * SHA-256 is stored) valid for {@code confirmation-validity}; WRITTEN: returns empty, the collector
     * flags the uploaded document.
     */
    public Optional<String> requestConfirmation(long planId, Instant now) {
        String mode = jdbc.queryForObject("SELECT confirmation_mode FROM repayment_plan WHERE id = ?", String.class, planId);
        if (!ELECTRONIC.equals(mode)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("UPDATE repayment_plan SET confirm_token_hash = ?, token_expires_at = ? WHERE id = ?", sha256(token),
            Timestamp.from(now.plus(properties.confirmationValidity())), planId);
        return Optional.of(token);
    }

    /** The borrower's electronic confirmation: single use, expiring. Returns the confirmed plan. */
    public ConfirmedPlan confirmByToken(String token, Instant now) {
        List<Map<String, Object>> rows = token == null ? List.of() : jdbc.queryForList(
            "SELECT id, loan_no, status, token_expires_at, confirmed_at FROM repayment_plan WHERE confirm_token_hash = ?",
            sha256(token));
        if (rows.isEmpty()) {
            throw new PlanTokenException("UNKNOWN", "unknown confirmation link");
        }
        Map<String, Object> row = rows.get(0);
        long planId = ((Number) row.get("id")).longValue();
        if (row.get("confirmed_at") != null) {
            throw new PlanTokenException("USED", "this confirmation link was already used");
        }
        if (!AWAITING_CONFIRMATION.equals(row.get("status"))
                || ((Timestamp) row.get("token_expires_at")).toInstant().isBefore(now)) {
            throw new PlanTokenException("EXPIRED", "this confirmation link has expired");
        }
        int updated = jdbc.update(
            "UPDATE repayment_plan SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL", Timestamp.from(now), planId);
        if (updated == 0) {
            throw new PlanTokenException("USED", "this confirmation link was already used");
        }
        return new ConfirmedPlan(planId, (String) row.get("loan_no"));
    }

    /** The collector's flag that the borrower's signed plan is uploaded (written confirmation). */
    public ConfirmedPlan confirmWritten(long planId, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList(
            "SELECT loan_no, status, confirmation_mode FROM repayment_plan WHERE id = ?", planId);
        if (rows.isEmpty() || !AWAITING_CONFIRMATION.equals(rows.get(0).get("status"))
                || !WRITTEN.equals(rows.get(0).get("confirmation_mode"))) {
            throw new InvalidPlanException(List.of("planId: no plan " + planId + " waiting for a written confirmation"));
        }
        jdbc.update("UPDATE repayment_plan SET document_uploaded = TRUE, confirmed_at = ? WHERE id = ?",
            Timestamp.from(now), planId);
        return new ConfirmedPlan(planId, (String) rows.get(0).get("loan_no"));
    }

    /** The plan is in force; returns its installments. */
    public List<PlanSchedule.Installment> activate(long planId) {
        end(planId, ACTIVE, null);
        return installments(planId);
    }

    public List<PlanSchedule.Installment> installments(long planId) {
        return jdbc.query("SELECT seq, due_on, amount FROM plan_installment WHERE plan_id = ? ORDER BY seq",
            (rs, i) -> new PlanSchedule.Installment(rs.getInt("seq"), rs.getDate("due_on").toLocalDate(),
                rs.getBigDecimal("amount")), planId);
    }

    /**
     * Checks installment {@code seq} after its due date + grace: the loan's payments since the plan
     * was created are applied to the plan installments in order; PAID when they cover every
     * installment up to this one, else MISSED.
     */
    public boolean checkInstallment(long planId, int seq, LocalDate asOf) {
        Map<String, Object> plan = jdbc.queryForMap("SELECT loan_no, created_at FROM repayment_plan WHERE id = ?", planId);
        LocalDate since = ((Timestamp) plan.get("created_at")).toLocalDateTime().toLocalDate();
        BigDecimal paid = jdbc.queryForObject(
            "SELECT COALESCE(SUM(amount), 0) FROM payment WHERE loan_no = ? AND paid_on >= ? AND paid_on <= ?",
            BigDecimal.class, plan.get("loan_no"), Date.valueOf(since), Date.valueOf(asOf));
        boolean covered = true;
        for (PlanSchedule.Installment i : installments(planId)) {
            if (i.seq() > seq) {
                break;
            }
            BigDecimal applied = paid.min(i.amount()).max(BigDecimal.ZERO);
            paid = paid.subtract(applied);
            boolean full = applied.compareTo(i.amount()) >= 0;
            jdbc.update("UPDATE plan_installment SET paid_amount = ?, status = ? WHERE plan_id = ? AND seq = ?", applied,
                full ? "PAID" : "MISSED", planId, i.seq());
            covered = full;
        }
        return covered;
    }

    /** A missed plan installment becomes a case event (the alert the collector and the case history see). */
    public void recordMissed(long planId, int seq, Instant now) {
        String loanNo = jdbc.queryForObject("SELECT loan_no FROM repayment_plan WHERE id = ?", String.class, planId);
        jdbc.update("INSERT INTO case_event (loan_no, event_type, detail, created_at) VALUES (?, 'PLAN_MISSED', ?, ?)",
            loanNo, "plan " + planId + " installment " + seq + " missed", Timestamp.from(now));
    }

    /** Sets the final (or ACTIVE) status. */
    public void end(long planId, String status, Instant now) {
        jdbc.update("UPDATE repayment_plan SET status = ?, ended_at = ? WHERE id = ?", status,
            now == null ? null : Timestamp.from(now), planId);
    }

    /**
     * What the delinquency scan needs while a plan runs: the ACTIVE plan of the loan (if any), the
     * plan amount due by {@code date} and what the payments since the plan started cover. Honored is the
     * scan's rule ({@link HonoredPlanFreeze}): no plan installment more than the grace days overdue.
     */
    public Optional<Coverage> activePlanCoverage(String loanNo, LocalDate date) {
        List<Map<String, Object>> plans = jdbc.queryForList(
            "SELECT id, created_at FROM repayment_plan WHERE loan_no = ? AND status = 'ACTIVE' ORDER BY id DESC", loanNo);
        if (plans.isEmpty()) {
            return Optional.empty();
        }
        long planId = ((Number) plans.get(0).get("id")).longValue();
        LocalDate since = ((Timestamp) plans.get(0).get("created_at")).toLocalDateTime().toLocalDate();
        BigDecimal paid = jdbc.queryForObject(
            "SELECT COALESCE(SUM(amount), 0) FROM payment WHERE loan_no = ? AND paid_on >= ? AND paid_on <= ?",
            BigDecimal.class, loanNo, Date.valueOf(since), Date.valueOf(date));
        BigDecimal dueByDate = installments(planId).stream().filter(i -> !i.dueOn().isAfter(date))
            .map(PlanSchedule.Installment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean honored = honoredRule.honors(named, loanNo, date);
        return Optional.of(new Coverage(planId, dueByDate, paid, honored));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the collector proposes (C1 inputs included). */
    public record PlanRequest(String loanNo, String collector, BigDecimal declaredIncome, BigDecimal otherDebts,
            int installments, LocalDate firstDueOn, BigDecimal totalAmount, String confirmation, String overdueReason) {
    }

    public record Proposal(long planId, BigDecimal maxAffordable, BigDecimal installmentAmount, boolean affordable,
            boolean withinPolicy, String policyNote, List<PlanSchedule.Installment> schedule) {
    }

    public record ConfirmedPlan(long planId, String loanNo) {
    }

    /** A plan in force: amount due by the date, paid since the plan started, and whether it is honored. */
    public record Coverage(long planId, BigDecimal planDue, BigDecimal paidSinceStart, boolean honored) {
    }
}
