package io.collectflow.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.collectflow.loan.NewLoan;
import io.collectflow.loan.Product;
import io.collectflow.loan.payment.PaymentCommand;
import io.collectflow.loan.schedule.ScheduleCalculator;
import io.collectflow.loan.schedule.ScheduledInstallment;

/**
 * A deterministic demo portfolio relative to a given day: loans spread over every delinquency bucket,
 * each with the payment history that puts it there (installments paid on time up to the first missed
 * one, sometimes a partial payment after it). The same seed and day always give the same book.
 */
public final class DemoPortfolio {

    /** Share of loans per target days-past-due range: {share in percent, min DPD, max DPD}. */
    private static final int[][] PROFILE = {
        {52, 0, 0},
        {10, 1, 29},
        {9, 30, 59},
        {8, 60, 89},
        {8, 90, 179},
        {8, 180, 359},
        {5, 360, 540},
    };
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Tao", "Xiu", "Hui"};
    private static final String[] REGIONS = {"CN-SH", "CN-BJ", "CN-GD", "CN-ZJ", "CN-JS", "CN-SC"};
    private static final String[] CITIES = {"Shanghai", "Beijing", "Guangzhou", "Hangzhou", "Nanjing", "Chengdu"};
    private static final String[] CHANNELS = {"bank_transfer", "auto_debit", "alipay", "wechat_pay"};

    /** One demo loan and the payments that give it its history. */
    public record DemoLoan(NewLoan loan, int targetDpd, List<PaymentCommand> payments) {
    }

    private final Random random;
    private final LocalDate today;

    public DemoPortfolio(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public List<DemoLoan> generate(int count) {
        List<DemoLoan> loans = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            loans.add(loan(i, targetDpd(i, count)));
        }
        return loans;
    }

    /** Walks the profile so that every bucket gets its share even for small books. */
    private int targetDpd(int index, int count) {
        int position = (int) ((index - 1L) * 100 / count);
        int cumulative = 0;
        for (int[] band : PROFILE) {
            cumulative += band[0];
            if (position < cumulative) {
                return band[1] + random.nextInt(band[2] - band[1] + 1);
            }
        }
        return 0;
    }

    private DemoLoan loan(int index, int targetDpd) {
        String loanNo = String.format("L%06d", index);
        int regionIndex = random.nextInt(REGIONS.length);
        Product product = random.nextInt(5) == 0 ? Product.SMALL_BUSINESS : Product.CONSUMER;
        int term = product == Product.SMALL_BUSINESS ? 24 : new int[] {12, 24, 36}[random.nextInt(3)];
        BigDecimal principal = BigDecimal.valueOf(product == Product.SMALL_BUSINESS
            ? 50_000 + random.nextInt(40) * 5_000 : 3_000 + random.nextInt(60) * 500).setScale(2);
        BigDecimal annualRate = new BigDecimal(product == Product.SMALL_BUSINESS ? "0.0850" : "0.1450");

        // installments paid in full before the first missed one; a current loan has paid all that is due
        int paidInstallments = targetDpd == 0 ? random.nextInt(term / 2 + 1)
            : Math.min(term - 1, random.nextInt(Math.max(1, term / 2)));
        LocalDate firstMissedDue = targetDpd == 0 ? today.plusDays(1 + random.nextInt(27)) : today.minusDays(targetDpd);
        // due days after the 28th would be clamped in short months; keep the schedule on days 1..28
        while (firstMissedDue.getDayOfMonth() > 28) {
            firstMissedDue = targetDpd == 0 ? firstMissedDue.plusDays(1) : firstMissedDue.minusDays(1);
        }
        int dpd = targetDpd == 0 ? 0 : (int) ChronoUnit.DAYS.between(firstMissedDue, today);
        LocalDate firstDueOn = firstMissedDue.minusMonths(paidInstallments);
        LocalDate disbursedOn = firstDueOn.minusMonths(1);

        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        String given = GIVEN[random.nextInt(GIVEN.length)];
        NewLoan loan = NewLoan.builder(loanNo)
            .borrower(String.format("B%06d", index), given + " " + surname)
            .idNumber(String.format("3101%014d", 10_000_000_000L + index * 7919L))
            .phone(String.format("138%08d", 10_000_000 + index * 37))
            .email(given.toLowerCase() + "." + surname.toLowerCase() + index + "@example.cn")
            .address(index + " Renmin Road, " + CITIES[regionIndex])
            .region(REGIONS[regionIndex])
            .product(product)
            .principal(principal)
            .annualRate(annualRate.toPlainString())
            .penaltyRate("0.1825")
            .termMonths(term)
            .disbursedOn(disbursedOn)
            .firstDueOn(firstDueOn)
            .build();
        return new DemoLoan(loan, dpd, payments(loanNo, principal, annualRate, term, firstDueOn, paidInstallments));
    }

    private List<PaymentCommand> payments(String loanNo, BigDecimal principal, BigDecimal annualRate, int term,
                                          LocalDate firstDueOn, int paidInstallments) {
        List<ScheduledInstallment> schedule = ScheduleCalculator.annuity(principal, annualRate, term, firstDueOn);
        List<PaymentCommand> payments = new ArrayList<>();
        for (int seq = 1; seq <= paidInstallments; seq++) {
            ScheduledInstallment due = schedule.get(seq - 1);
            // most borrowers pay on the due date, some a few days early
            LocalDate paidOn = due.dueOn().minusDays(random.nextInt(4) == 0 ? random.nextInt(5) : 0);
            payments.add(payment(loanNo, seq, paidOn, due.total()));
        }
        boolean overdue = paidInstallments < term && !schedule.get(paidInstallments).dueOn().isAfter(today);
        if (overdue && random.nextInt(4) == 0) {
            // a partial payment on the missed installment: reduces arrears, does not cure them
            ScheduledInstallment missed = schedule.get(paidInstallments);
            BigDecimal part = missed.total().multiply(BigDecimal.valueOf(20 + random.nextInt(50)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
            LocalDate paidOn = missed.dueOn().plusDays(1 + random.nextInt(5));
            if (!paidOn.isAfter(today) && part.signum() > 0) {
                payments.add(payment(loanNo, paidInstallments + 1, paidOn, part));
            }
        }
        return payments;
    }

    private PaymentCommand payment(String loanNo, int seq, LocalDate paidOn, BigDecimal amount) {
        return new PaymentCommand(loanNo + "-P" + seq, loanNo, paidOn, amount, CHANNELS[random.nextInt(CHANNELS.length)]);
    }
}
