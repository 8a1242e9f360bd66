package io.collectflow.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.collectflow.arrangement.promise.PromiseLedger;
import io.collectflow.arrangement.promise.PromisePaymentListener;
import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.loan.PlainDatabase;
import io.collectflow.loan.payment.PaymentCommand;

/** The promise ledger on H2: FIFO application, partial kept, broken at the end of the grace. */
class PromiseLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

    private final PlainDatabase db = PlainDatabase.h2();
    private final CaseFixtures fixtures = new CaseFixtures(db.jdbc);
    private final PromiseLedger ledger = new PromiseLedger(db.jdbc, Duration.ofDays(2));
    private final String loanNo = fixtures.loan(10, TODAY);

    {
        db.payments.setListeners(List.of(new PromisePaymentListener(ledger)));
    }

    @Test
    void paymentsFillTheOldestPromiseFirst() {
        long first = promise(TODAY.plusDays(3), "300.00");
        long second = promise(TODAY.plusDays(10), "200.00");

        pay("P1", TODAY.plusDays(1), "250.00");
        assertThat(kept(first)).isEqualByComparingTo("250.00");
        assertThat(kept(second)).isEqualByComparingTo("0");

        pay("P2", TODAY.plusDays(4), "150.00");
        assertThat(kept(first)).isEqualByComparingTo("300.00");
        assertThat(kept(second)).isEqualByComparingTo("100.00");
        // the same payment again is a duplicate and is not counted twice
        pay("P2", TODAY.plusDays(4), "150.00");
        assertThat(kept(second)).isEqualByComparingTo("100.00");

        assertThat(ledger.settle(first, NOW).status()).isEqualTo(PromiseLedger.KEPT);
        PromiseLedger.Settlement partial = ledger.settle(second, NOW);
        assertThat(partial.status()).isEqualTo(PromiseLedger.PARTIALLY_KEPT);
        assertThat(partial.keptAmount()).isEqualByComparingTo("100.00");
        assertThat(partial.notKeptPromises()).isEqualTo(1);
    }

    @Test
    void paymentAfterTheGraceDoesNotKeepThePromise() {
        long promise = promise(TODAY.plusDays(3), "300.00");
        // promise date 5 March + 2 days grace = 7 March is the last day that counts
        pay("LATE", TODAY.plusDays(6), "300.00");

        assertThat(ledger.settleDue(TODAY.plusDays(5), NOW)).isEmpty();
        List<PromiseLedger.Settlement> settled = ledger.settleDue(TODAY.plusDays(6), NOW);
        assertThat(settled).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(PromiseLedger.BROKEN);
            assertThat(s.keptAmount()).isEqualByComparingTo("0");
        });
        assertThat(db.jdbc.queryForObject("SELECT status FROM promise_to_pay WHERE id = ?", String.class, promise))
            .isEqualTo("BROKEN");
        // settling again keeps the first verdict
        assertThat(ledger.settle(promise, NOW).status()).isEqualTo(PromiseLedger.BROKEN);
    }

    @Test
    void paymentOnTheLastGraceDayStillCounts() {
        long promise = promise(TODAY.plusDays(3), "300.00");
        pay("EDGE", TODAY.plusDays(5), "300.00");
        assertThat(ledger.settle(promise, NOW).status()).isEqualTo(PromiseLedger.KEPT);
    }

    @Test
    void aPromiseForTheDayItIsMadeCountsThatDaysPaymentAndIsSettledAfterItsGrace() {
        long promise = promise(TODAY, "300.00");
        pay("SAME-DAY", TODAY, "300.00");
        assertThat(kept(promise)).isEqualByComparingTo("300.00");

        // promise date 2 March + 2 days grace: the daily settlement decides it on 5 March, not before
        assertThat(ledger.settleDue(TODAY.plusDays(2), NOW)).isEmpty();
        assertThat(ledger.settleDue(TODAY.plusDays(3), NOW)).singleElement()
            .satisfies(s -> assertThat(s.status()).isEqualTo(PromiseLedger.KEPT));
    }

    private long promise(LocalDate promiseDate, String amount) {
        db.jdbc.update("""
            INSERT INTO contact_report (loan_no, stage, channel, reached, outcome, recorded_by, recorded_at)
            VALUES (?, 'FIRST_LINE', 'CALL', TRUE, 'PROMISE_TO_PAY', 'collector1', ?)""", loanNo, Timestamp.from(NOW));
        Long report = db.jdbc.queryForObject("SELECT MAX(id) FROM contact_report", Long.class);
        db.jdbc.update("""
            INSERT INTO promise_to_pay (loan_no, contact_report_id, promised_on, promise_date, amount, status, channel, collector)
            VALUES (?, ?, ?, ?, ?, 'OPEN', 'CALL', 'collector1')""", loanNo, report, Date.valueOf(TODAY),
            Date.valueOf(promiseDate), new BigDecimal(amount));
        return db.jdbc.queryForObject("SELECT MAX(id) FROM promise_to_pay", Long.class);
    }

    private void pay(String ref, LocalDate paidOn, String amount) {
        db.payments.post(new PaymentCommand(ref + "-" + loanNo, loanNo, paidOn, new BigDecimal(amount), "bank-transfer"));
    }

    private BigDecimal kept(long promiseId) {
        return db.jdbc.queryForObject("SELECT kept_amount FROM promise_to_pay WHERE id = ?", BigDecimal.class, promiseId);
    }
}
