package io.collectflow.loan.payment;

import java.util.List;

/** Result of posting one payment: the stored payment, whether it was a duplicate, and how it was allocated. */
public record PostedPayment(PaymentCommand payment, boolean duplicate, List<Allocator.Allocation> allocations) {
}
