package io.collectflow.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.collectflow.loan.NewLoan;
import io.collectflow.loan.Product;
import io.collectflow.loan.payment.PaymentCommand;
import io.collectflow.loan.schedule.ScheduleCalculator;
import io.collectflow.loan.schedule.ScheduledInstallment;

/**
 * A reproducible synthetic loan book for the simulator: {@code count} loans with a product mix
 * (80 % consumer, 20 % small business), six regions, due days 1–28, disbursed up to {@code seasoningMonths}
 * months before the start (installments due before the start were paid on time) and a
 * {@link BehaviourProfile} per borrower. The same seed always gives the same book.
 */
public final class SyntheticPortfolio {

    /** Regions and their weight in percent. */
    private static final String[] REGIONS = {"CN-SH", "CN-BJ", "CN-GD", "CN-ZJ", "CN-JS", "CN-SC"};
    private static final int[] REGION_WEIGHTS = {22, 18, 20, 14, 14, 12};
    private static final String[] CITIES = {"Shanghai", "Beijing", "Guangzhou", "Hangzhou", "Nanjing", "Chengdu"};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Tao"};
    private static final double SMALL_BUSINESS_SHARE = 0.20;

    /** One loan of the book, its borrower's behaviour and the payments made before the simulation starts. */
    public record SimLoan(NewLoan loan, BehaviourProfile profile, List<PaymentCommand> history) {
    }

    private final Dice dice;
    private final LocalDate start;
    private final int seasoningMonths;
    private final BehaviourModel behaviour;

    public SyntheticPortfolio(long seed, LocalDate start, int seasoningMonths) {
        this(seed, start, seasoningMonths, BehaviourModel.defaults());
    }

    /** A book whose borrowers' profiles follow {@code behaviour}'s shares. */
    SyntheticPortfolio(long seed, LocalDate start, int seasoningMonths, BehaviourModel behaviour) {
        this.dice = new Dice(seed);
        this.start = start;
        this.seasoningMonths = Math.max(0, seasoningMonths);
        this.behaviour = behaviour;
    }

    public List<SimLoan> generate(int count) {
        List<SimLoan> book = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            book.add(loan(i));
        }
        return book;
    }

    private SimLoan loan(int index) {
        String loanNo = String.format("S%07d", index);
        BehaviourProfile profile = behaviour.at(dice.roll(loanNo, "profile"));
        boolean business = dice.chance(SMALL_BUSINESS_SHARE, loanNo, "product");
        Product product = business ? Product.SMALL_BUSINESS : Product.CONSUMER;
        int term = business ? new int[] {12, 24, 36}[dice.between(0, 2, loanNo, "term")]
            : new int[] {6, 12, 24}[dice.between(0, 2, loanNo, "term")];
        BigDecimal principal = BigDecimal.valueOf(business ? 50_000 + dice.between(0, 40, loanNo, "amount") * 5_000
            : 3_000 + dice.between(0, 54, loanNo, "amount") * 500).setScale(2);
        String rate = business ? "0.0850" : "0.1450";
        int region = region(loanNo);

        // first due date: one month after disbursement, on a day 1..28
        LocalDate disbursed = start.minusDays(1 + dice.between(0, 30 * seasoningMonths + 29, loanNo, "disbursed"));
        LocalDate firstDue = disbursed.plusMonths(1);
        if (firstDue.getDayOfMonth() > 28) {
            firstDue = firstDue.withDayOfMonth(28);
        }
        String surname = SURNAMES[dice.between(0, SURNAMES.length - 1, loanNo, "surname")];
        String given = GIVEN[dice.between(0, GIVEN.length - 1, loanNo, "given")];
        NewLoan loan = NewLoan.builder(loanNo)
            .borrower(String.format("SB%07d", index), given + " " + surname)
            .idNumber(String.format("3101%014d", 20_000_000_000L + index * 7919L))
            .phone(String.format("139%08d", 10_000_000 + index))
            .email(given.toLowerCase() + "." + surname.toLowerCase() + index + "@example.cn")
            .address(index + " Jiefang Road, " + CITIES[region])
            .region(REGIONS[region])
            .product(product)
            .principal(principal)
            .annualRate(rate)
            .penaltyRate("0.1825")
            .termMonths(term)
            .disbursedOn(disbursed)
            .firstDueOn(firstDue)
            .build();
        return new SimLoan(loan, profile, history(loanNo, principal, new BigDecimal(rate), term, firstDue));
    }

    private int region(String loanNo) {
        int u = dice.between(0, 99, loanNo, "region");
        int cumulative = 0;
        for (int r = 0; r < REGIONS.length; r++) {
            cumulative += REGION_WEIGHTS[r];
            if (u < cumulative) {
                return r;
            }
        }
        return 0;
    }

    /** Installments due before the start, paid on their due dates. */
    private List<PaymentCommand> history(String loanNo, BigDecimal principal, BigDecimal rate, int term, LocalDate firstDue) {
        List<PaymentCommand> paid = new ArrayList<>();
        for (ScheduledInstallment due : ScheduleCalculator.annuity(principal, rate, term, firstDue)) {
            if (!due.dueOn().isBefore(start)) {
                break;
            }
            paid.add(new PaymentCommand(loanNo + "-H" + due.seq(), loanNo, due.dueOn(), due.total(), "auto_debit"));
        }
        return paid;
    }
}
