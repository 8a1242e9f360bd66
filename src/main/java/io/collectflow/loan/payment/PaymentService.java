package io.collectflow.loan.payment;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.loan.delinquency.PenaltySpreader;
import io.collectflow.loan.payment.PaymentCsvParser.ParsedPayments;

/**
 * Posts repayments and (re-)allocates them (rule: {@link Allocator}). Idempotent by
 * {@code payment_ref}: posting the same payment again changes nothing and reports a duplicate; the
 * same reference with different data is a conflict. Each loan's row is locked
 * ({@code SELECT … FOR UPDATE}) while its payments are allocated, so concurrent posts to one loan
 * are serialised; a concurrent insert of the same reference on another loan is caught by the
 * primary key and answered like a duplicate/conflict.
 */
@Service
public class PaymentService {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    /** A payment file meeting a concurrent post of one of its references is read again once. */
    private static final int IMPORT_ATTEMPTS = 2;

    private final PaymentRepository repository;
    private final PaymentAllocation allocation;
    private final TransactionTemplate tx;
    private final Clock clock;
    private List<PaymentPostedListener> listeners = List.of();

    @Autowired
    public PaymentService(PaymentRepository repository, PaymentAllocation allocation, TransactionTemplate tx) {
        this(repository, allocation, tx, Clock.systemUTC());
    }

    /** A service on a plain JdbcTemplate, outside a Spring context (tests, tools). */
    public static PaymentService create(JdbcTemplate jdbc, TransactionTemplate tx) {
        PaymentRepository repository = new PaymentRepository(jdbc);
        return new PaymentService(repository, new PaymentAllocation(repository, new PenaltySpreader(jdbc, BigDecimal.ZERO)), tx);
    }

    PaymentService(PaymentRepository repository, PaymentAllocation allocation, TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.allocation = allocation;
        this.tx = tx;
        this.clock = clock;
    }

    /** The features told about each new payment (Spring injects every {@link PaymentPostedListener} bean). */
    @Autowired(required = false)
    public void setListeners(List<PaymentPostedListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void notifyListeners(PostedPayment posted) {
        if (posted == null || posted.duplicate()) {
            return;
        }
        for (PaymentPostedListener listener : listeners) {
            try {
                listener.paymentPosted(posted.payment().loanNo(), posted.payment().paidOn(), posted.payment().amount());
            } catch (RuntimeException e) {
                LOG.warn("payment listener {} failed for loan {}", listener.getClass().getSimpleName(), posted.payment().loanNo(), e);
            }
        }
    }

    /**
     * Posts one payment. Throws {@link PaymentRejectedException} (invalid input or unknown loan) or
     * {@link PaymentConflictException} (reference already used for a different payment).
     */
    public PostedPayment post(PaymentCommand command) {
        List<FieldProblem> problems = PaymentRules.check(command);
        if (!problems.isEmpty()) {
            throw new PaymentRejectedException(problems);
        }
        try {
            PostedPayment posted = tx.execute(status -> postLocked(command));
            notifyListeners(posted);
            return posted;
        } catch (DuplicateKeyException raced) {
            return tx.execute(status -> duplicateOf(command, repository.find(command.paymentRef())
                .orElseThrow(() -> raced)));
        }
    }

    private PostedPayment postLocked(PaymentCommand command) {
        Optional<LocalDate> disbursedOn = repository.lockLoan(command.loanNo());
        Optional<PaymentCommand> existing = repository.find(command.paymentRef());
        if (existing.isPresent()) {
            return duplicateOf(command, existing.get());
        }
        if (disbursedOn.isEmpty()) {
            throw new PaymentRejectedException(List.of(new FieldProblem("loanNo", "unknown loan " + command.loanNo())));
        }
        if (command.paidOn().isBefore(disbursedOn.get())) {
            throw new PaymentRejectedException(List.of(new FieldProblem("paidOn",
                "is before the loan was disbursed (" + disbursedOn.get() + ")")));
        }
        repository.insert(List.of(command), clock.instant());
        allocation.applyNew(command.loanNo(), List.of(command));
        return new PostedPayment(command, false, repository.allocations(command.paymentRef()));
    }

    private PostedPayment duplicateOf(PaymentCommand command, PaymentCommand existing) {
        if (!existing.sameAs(command)) {
            throw new PaymentConflictException("payment " + command.paymentRef()
                + " was already posted with different data", existing);
        }
        return new PostedPayment(existing, true, repository.allocations(existing.paymentRef()));
    }

    /**
     * Posts a payment CSV (CONTRACT.md) all or nothing: every row error is reported and nothing is
     * posted, or every new payment is posted (rows already posted with the same data — in the
     * database or earlier in the file — count as duplicates). When another request posts one of the
     * references at the same moment, the file is read once more against what is then stored (so the same
     * payments uploaded twice at once give one "posted" and one "duplicates" answer); a second collision
     * makes the whole upload fail with {@link PaymentConflictException}, and it can be retried as it is.
     */
    public PaymentImportResult importPayments(Reader csv) {
        String text = readAll(csv);
        for (int attempt = 1; ; attempt++) {
            ParsedPayments parsed = PaymentCsvParser.parse(new StringReader(text), repository);
            if (!parsed.errors().isEmpty()) {
                return new PaymentImportResult(0, 0, parsed.errors());
            }
            try {
                tx.executeWithoutResult(status -> {
                    var now = clock.instant();
                    parsed.newPaymentsByLoan().forEach((loanNo, payments) -> {
                        repository.lockLoan(loanNo);
                        repository.insert(payments, now);
                        allocation.applyNew(loanNo, payments);
                    });
                });
                return new PaymentImportResult(parsed.newCount(), parsed.duplicates(), List.of());
            } catch (DuplicateKeyException raced) {
                if (attempt >= IMPORT_ATTEMPTS) {
                    throw new PaymentConflictException("some of these payments were posted at the same time by another"
                        + " request; nothing from this file was posted — upload it again", null);
                }
            }
        }
    }

    private static String readAll(Reader csv) {
        try {
            StringWriter text = new StringWriter();
            csv.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the payment file: " + e.getMessage(), e);
        }
    }
}
