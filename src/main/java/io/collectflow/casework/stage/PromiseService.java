package io.collectflow.casework.stage;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.arrangement.promise.PromiseLedger;

/**
 * Checks a promise to pay once its date plus grace has passed, through the promise ledger (FIFO
 * application of payments; KEPT, PARTIALLY_KEPT or BROKEN). Only a fully kept promise counts as
 * kept for the case; a partially kept one counts as broken in {@code brokenPromises}.
 */
@Service
public class PromiseService {

    private final PromiseLedger ledger;

    public PromiseService(PromiseLedger ledger) {
        this.ledger = ledger;
    }

    @Transactional
    public Check check(long promiseId, Instant now) {
        PromiseLedger.Settlement settlement = ledger.settle(promiseId, now);
        return new Check(settlement.kept(), settlement.keptAmount(), settlement.notKeptPromises());
    }

    /** The verdict, the amount received and how many promises of this loan are not kept so far. */
    public record Check(boolean kept, BigDecimal paid, int brokenPromises) {
    }
}
