package io.collectflow.security.pii;

import org.springframework.stereotype.Component;

/**
 * The one door to the complainant's personal columns of the complaint table (name, phone, e-mail): sealed with
 * the same cipher and key ids as the borrower's ({@link BorrowerPii}), the column name bound to each value.
 */
@Component
public class ComplainantPii {

    public static final String NAME = "complaint.complainant_name";
    public static final String PHONE = "complaint.complainant_phone";
    public static final String EMAIL = "complaint.complainant_email";

    private final PiiCipher cipher;

    public ComplainantPii(PiiCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(String column, String plain) {
        return cipher.encrypt(column, plain);
    }

    public String open(String column, String stored) {
        return cipher.decrypt(column, stored);
    }
}
