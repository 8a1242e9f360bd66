package io.collectflow.loan.delinquency;

import java.util.List;

/**
 * Maps days past due to a {@link Bucket}: {@code lowerBounds[k]} is the lowest DPD of the (k+1)-th
 * bucket (CURRENT is DPD 0). The same rule is rendered as a SQL CASE expression for the scan, so Java
 * and SQL cannot disagree.
 */
public final class BucketPolicy {

    private static final Bucket[] BUCKETS = Bucket.values();

    private final int[] lowerBounds;

    public BucketPolicy(List<Integer> lowerBounds) {
        if (lowerBounds.size() != BUCKETS.length - 1) {
            throw new IllegalArgumentException("collectflow.delinquency.bucket-bounds needs " + (BUCKETS.length - 1)
                + " values (lowest DPD of " + List.of(BUCKETS).subList(1, BUCKETS.length) + "), got " + lowerBounds);
        }
        this.lowerBounds = lowerBounds.stream().mapToInt(Integer::intValue).toArray();
        if (this.lowerBounds[0] < 1) {
            throw new IllegalArgumentException("collectflow.delinquency.bucket-bounds must start at 1 or more: " + lowerBounds);
        }
        for (int k = 1; k < this.lowerBounds.length; k++) {
            if (this.lowerBounds[k] <= this.lowerBounds[k - 1]) {
                throw new IllegalArgumentException("collectflow.delinquency.bucket-bounds must be strictly ascending: " + lowerBounds);
            }
        }
    }

    public Bucket bucketOf(int dpd) {
        for (int k = lowerBounds.length - 1; k >= 0; k--) {
            if (dpd >= lowerBounds[k]) {
                return BUCKETS[k + 1];
            }
        }
        return Bucket.CURRENT;
    }

    /** A SQL CASE expression giving the bucket name of the integer expression {@code dpdExpression}. */
    public String sqlCase(String dpdExpression) {
        StringBuilder sql = new StringBuilder("CASE");
        for (int k = lowerBounds.length - 1; k >= 0; k--) {
            sql.append(" WHEN ").append(dpdExpression).append(" >= ").append(lowerBounds[k])
                .append(" THEN '").append(BUCKETS[k + 1].name()).append('\'');
        }
        return sql.append(" ELSE '").append(Bucket.CURRENT.name()).append("' END").toString();
    }
}
