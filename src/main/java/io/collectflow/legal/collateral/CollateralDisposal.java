package io.collectflow.legal.collateral;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import io.collectflow.web.InvalidFieldException;

/**
 * What the legal team reports when the loan's collateral has been sold (Task_DisposeCollateral): how, and for how
 * much in total. Field names are the form's keys, so a refusal names the field the user has to correct.
 */
public record CollateralDisposal(String method, BigDecimal proceeds) {

    public static final String METHOD_FIELD = "disposalMethod";
    public static final String PROCEEDS_FIELD = "disposalProceeds";
    public static final Set<String> METHODS = Set.of("AUCTION", "SALE");

    /**
     * The disposal as submitted (the proceeds a number or a numeric string), checked; throws
     * {@link InvalidFieldException} naming the first bad field.
     */
    public static CollateralDisposal of(Object method, Object proceeds) {
        String normalized = method == null ? null : method.toString().strip().toUpperCase(Locale.ROOT);
        if (normalized == null || !METHODS.contains(normalized)) {
            throw new InvalidFieldException(METHOD_FIELD, "required, one of AUCTION, SALE");
        }
        BigDecimal amount = amount(proceeds);
        if (amount.signum() < 0) {
            throw new InvalidFieldException(PROCEEDS_FIELD, "the proceeds must be 0 or more");
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
            throw new InvalidFieldException(PROCEEDS_FIELD, "at most 17 digits and 2 decimals");
        }
        return new CollateralDisposal(normalized, amount);
    }

    private static BigDecimal amount(Object proceeds) {
        if (proceeds == null || proceeds.toString().isBlank()) {
            throw new InvalidFieldException(PROCEEDS_FIELD,
                "required: what the sale or auction brought in (0 or more)");
        }
        try {
            return new BigDecimal(proceeds.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(PROCEEDS_FIELD, "must be a number, 0 or more");
        }
    }
}
