package io.collectflow.legal.collateral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import io.collectflow.web.InvalidFieldException;

/** A collateral registration as submitted; {@link #validate(LocalDate)} names the first bad field. */
public record NewCollateral(String type, String description, BigDecimal estimatedValue, LocalDate valuationDate) {

    public static final Set<String> TYPES = Set.of("VEHICLE", "PROPERTY", "DEPOSIT", "OTHER");

    /** The registration with its type in upper case; throws {@link InvalidFieldException}. */
    public NewCollateral validate(LocalDate today) {
        String normalizedType = type == null ? null : type.strip().toUpperCase(Locale.ROOT);
        if (normalizedType == null || !TYPES.contains(normalizedType)) {
            throw new InvalidFieldException("type", "required, one of VEHICLE, PROPERTY, DEPOSIT, OTHER");
        }
        if (description == null || description.isBlank()) {
            throw new InvalidFieldException("description", "required: what the item is (make, address, account)");
        }
        if (description.length() > 1000) {
            throw new InvalidFieldException("description", "at most 1000 characters");
        }
        if (estimatedValue == null || estimatedValue.signum() <= 0) {
            throw new InvalidFieldException("estimatedValue", "required, greater than 0");
        }
        if (estimatedValue.stripTrailingZeros().scale() > 2 || estimatedValue.precision() - estimatedValue.scale() > 17) {
            throw new InvalidFieldException("estimatedValue", "at most 17 digits and 2 decimals");
        }
        if (valuationDate == null) {
            throw new InvalidFieldException("valuationDate", "required (yyyy-MM-dd)");
        }
        if (valuationDate.isAfter(today)) {
            throw new InvalidFieldException("valuationDate", "must not be in the future");
        }
        return new NewCollateral(normalizedType, description.strip(), estimatedValue, valuationDate);
    }
}
