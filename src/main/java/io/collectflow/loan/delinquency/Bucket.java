package io.collectflow.loan.delinquency;

/** Delinquency buckets by days past due, in ascending order; the bounds are configurable. */
public enum Bucket {
    CURRENT,
    DPD_1_29,
    DPD_30_59,
    DPD_60_89,
    DPD_90_179,
    DPD_180_359,
    DPD_360_PLUS
}
