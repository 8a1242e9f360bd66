package io.collectflow.demo;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.collectflow.loan.LenderCalendar;
import io.collectflow.loan.LoanBookService;
import io.collectflow.loan.delinquency.DelinquencyScanService;
import io.collectflow.loan.delinquency.ScanResult;
import io.collectflow.loan.payment.PaymentService;

/**
 * Demo profile: on the first start (an empty loan book) creates a deterministic demo portfolio
 * relative to today, posts its payment history and runs the delinquency scan, so Cockpit and
 * Tasklist show running cases at once. A restart finds the book filled and does nothing.
 */
@Component
@ConditionalOnProperty(name = "collectflow.demo.enabled", havingValue = "true")
public class DemoLoanBook {

    private static final Logger log = LoggerFactory.getLogger(DemoLoanBook.class);
    private static final long SEED = 20_261_128L;

    private final JdbcTemplate jdbc;
    private final LoanBookService loanBook;
    private final PaymentService payments;
    private final DelinquencyScanService scan;
    private final LenderCalendar calendar;
    private final int loanCount;

    public DemoLoanBook(JdbcTemplate jdbc, LoanBookService loanBook, PaymentService payments,
                        DelinquencyScanService scan, LenderCalendar calendar,
                        @Value("${collectflow.demo.loans:300}") int loanCount) {
        this.jdbc = jdbc;
        this.loanBook = loanBook;
        this.payments = payments;
        this.scan = scan;
        this.calendar = calendar;
        this.loanCount = loanCount;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void seedOnFirstStart() {
        Integer loans = jdbc.queryForObject("SELECT COUNT(*) FROM loan", Integer.class);
        if (loans != null && loans > 0) {
            log.info("Demo loan book already present ({} loans): not re-seeded", loans);
            return;
        }
        ScanResult result = seed(calendar.today());
        log.info("Demo loan book created: {} loans; scan {}", loanCount, result);
    }

    /** Creates the demo portfolio as of {@code today} and scans it. */
    public ScanResult seed(LocalDate today) {
        List<DemoPortfolio.DemoLoan> book = new DemoPortfolio(SEED, today).generate(loanCount);
        loanBook.createLoans(book.stream().map(DemoPortfolio.DemoLoan::loan).toList());
        book.stream().flatMap(loan -> loan.payments().stream()).forEach(payments::post);
        return scan.scan(today);
    }
}
