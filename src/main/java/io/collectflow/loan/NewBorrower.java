package io.collectflow.loan;

/**
 * A borrower as an import or a program delivers it. {@code email} and {@code address} may be null;
 * {@code timezone} is an IANA zone id (see {@link RegionTimezones} for the default by region).
 */
public record NewBorrower(String borrowerId, String name, String idNumber, String phone, String email,
        String address, String region, String timezone) {
}
