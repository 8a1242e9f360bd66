package io.collectflow.security.pii;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one door to the borrower's personal columns (id_number, phone, email, address): everything that writes
 * or reads them goes through here, so they are encrypted at rest and can be masked for display.
 */
@Component
public class BorrowerPii {

    public static final String ID_NUMBER = "borrower.id_number";
    public static final String PHONE = "borrower.phone";
    public static final String EMAIL = "borrower.email";
    public static final String ADDRESS = "borrower.address";

    private final PiiCipher cipher;

    @Autowired
    public BorrowerPii(PiiCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(String column, String plain) {
        return cipher.encrypt(column, plain);
    }

    public String open(String column, String stored) {
        return cipher.decrypt(column, stored);
    }

    /** Blind index of a phone number (digits only), for lookups by phone. */
    public String phoneIndex(String phone) {
        return phone == null ? null : cipher.blindIndex(PHONE, phone.replaceAll("[^0-9]", ""));
    }
}
