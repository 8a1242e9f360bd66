package io.collectflow.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.loan.payment.PaymentCommand;
import io.collectflow.loan.payment.PaymentService;

/**
 * The borrowers' side of the simulation: they pay installments on their due dates unless their profile
 * makes them miss one, pay their arrears after a reminder, on a kept promise or a confirmed plan, and while an
 * agency works the case — all through the real {@link PaymentService}, so allocation, DPD and the scan see
 * ordinary payments.
 */
final class Borrowers {

    /** Arrears payments are rounded up by this margin to cover the penalty accrued since the last scan. */
    private static final BigDecimal PENALTY_MARGIN = new BigDecimal("1.01");

    private final Map<String, BehaviourProfile> profiles;
    private final BehaviourModel model;
    private final Dice dice;
    private final JdbcTemplate jdbc;
    private final PaymentService payments;
    private final ZoneId zone;
    /** day → loans that will pay their arrears that day (promise kept, reminder, plan, agency). */
    private final Map<LocalDate, Set<String>> arrearsDue = new TreeMap<>();
    private final Set<String> scheduled = new HashSet<>();
    private final Map<String, Integer> paymentCount = new ConcurrentHashMap<>();
    private final AtomicLong posted = new AtomicLong();
    private BigDecimal postedAmount = BigDecimal.ZERO;

    Borrowers(Map<String, BehaviourProfile> profiles, BehaviourModel model, Dice dice, JdbcTemplate jdbc,
              PaymentService payments, ZoneId zone) {
        this.profiles = profiles;
        this.model = model;
        this.dice = dice;
        this.jdbc = jdbc;
        this.payments = payments;
        this.zone = zone;
    }

    BehaviourProfile profile(String loanNo) {
        return profiles.getOrDefault(loanNo, BehaviourProfile.PUNCTUAL);
    }

    /** The borrower's probabilities in the simulation's behaviour model. */
    BehaviourModel.Parameters behaviour(String loanNo) {
        return model.of(profile(loanNo));
    }

    /**
     * The morning's payments: installments falling due today (by current borrowers) and arrears promised for today,
     * posted by the {@code workers}, each loan's payments on one of them.
     */
    void payDay(LocalDate day, LoanWorkers workers) {
        List<MorningPayer> payers = payers(day);
        workers.runLoanShares(payers, MorningPayer::loanNo, (worker, share) -> share.forEach(payer -> pay(payer, day)));
    }

    /** Who pays this morning, by loan number: the installments they pay, and whether they pay their arrears. */
    private synchronized List<MorningPayer> payers(LocalDate day) {
        // driven by the installments due today (their index); as a join, H2 started from the current loans and read
        // every installment of each (15,500 rows for 40 due, at 1,000 loans)
        List<Map<String, Object>> due = jdbc.queryForList("""
            SELECT i.loan_no, i.seq, i.principal_due + i.interest_due - i.principal_paid - i.interest_paid AS open_amount
              FROM installment i
             WHERE i.due_on = ?
               AND EXISTS (SELECT 1 FROM loan l WHERE l.loan_no = i.loan_no AND l.status = 'ACTIVE' AND l.dpd = 0)
             ORDER BY i.loan_no""", day);
        Map<String, MorningPayer> payers = new TreeMap<>();
        for (Map<String, Object> row : due) {
            String loanNo = (String) row.get("loan_no");
            BigDecimal amount = (BigDecimal) row.get("open_amount");
            if (amount.signum() > 0 && !dice.chance(behaviour(loanNo).miss(), loanNo, row.get("seq"), "miss")) {
                payers.computeIfAbsent(loanNo, MorningPayer::new).installments().add(amount);
            }
        }
        Set<String> arrears = arrearsDue.remove(day);
        if (arrears != null) {
            for (String loanNo : arrears) {
                scheduled.remove(loanNo);
                payers.put(loanNo, payers.computeIfAbsent(loanNo, MorningPayer::new).withArrears());
            }
        }
        return new ArrayList<>(payers.values());
    }

    /** One borrower's morning: the installments first, then the arrears as they stand after them. */
    private void pay(MorningPayer payer, LocalDate day) {
        payer.installments().forEach(amount -> post(payer.loanNo(), day, amount, "auto_debit"));
        if (payer.arrears()) {
            BigDecimal overdue = jdbc.queryForObject("SELECT overdue_amount FROM loan WHERE loan_no = ?",
                BigDecimal.class, payer.loanNo());
            if (overdue != null && overdue.signum() > 0) {
                post(payer.loanNo(), day, overdue.multiply(PENALTY_MARGIN).setScale(2, RoundingMode.UP), "bank_transfer");
            }
        }
    }

    private record MorningPayer(String loanNo, List<BigDecimal> installments, boolean arrears) {

        MorningPayer(String loanNo) {
            this(loanNo, new ArrayList<>(), false);
        }

        MorningPayer withArrears() {
            return new MorningPayer(loanNo, installments, true);
        }
    }

    /** Reminders sent today (SMS, e-mail, robot call in the contact log) may move a borrower to pay. */
    void readReminders(LocalDate day) {
        List<String> reminded = jdbc.queryForList("""
            SELECT DISTINCT loan_no FROM contact_log
             WHERE occurred_at >= ? AND occurred_at < ? AND channel IN ('sms', 'email', 'voice') AND loan_no IS NOT NULL""",
            String.class, start(day), start(day.plusDays(1)));
        for (String loanNo : reminded) {
            if (dice.chance(behaviour(loanNo).payAfterReminder(), loanNo, day, "reminder")) {
                payArrears(loanNo, day.plusDays(dice.between(1, 3, loanNo, day, "reminder-delay")));
            }
        }
    }

    /** A promise made to a collector: kept with the profile's chance, on the promised day. */
    boolean promise(String loanNo, LocalDate day, LocalDate promisedFor) {
        boolean kept = dice.chance(behaviour(loanNo).keep(), loanNo, day, "keep");
        if (kept) {
            payArrears(loanNo, promisedFor);
        }
        return kept;
    }

    /** Pressure from an agency (rolled once per week of placement) or a lawyer's letter. */
    void underPressure(String loanNo, LocalDate day) {
        if (dice.chance(behaviour(loanNo).agencyPay(), loanNo, day, "agency")) {
            payArrears(loanNo, day.plusDays(dice.between(1, 5, loanNo, day, "agency-delay")));
        }
    }

    /**
     * Arrears paid in full on {@code on} (one pending arrears payment per loan at a time). Called by the staff's
     * workers at once; the day's loans are kept sorted, so the morning pays them in the same order however they came.
     */
    synchronized void payArrears(String loanNo, LocalDate on) {
        if (scheduled.add(loanNo)) {
            arrearsDue.computeIfAbsent(on, d -> new TreeSet<>()).add(loanNo);
        }
    }

    long posted() {
        return posted.get();
    }

    synchronized BigDecimal postedAmount() {
        return postedAmount;
    }

    private void post(String loanNo, LocalDate day, BigDecimal amount, String channel) {
        int n = paymentCount.merge(loanNo, 1, Integer::sum);
        payments.post(new PaymentCommand(loanNo + "-S" + n, loanNo, day, amount, channel));
        posted.incrementAndGet();
        synchronized (this) {
            postedAmount = postedAmount.add(amount);
        }
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }
}
