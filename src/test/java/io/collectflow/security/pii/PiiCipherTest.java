package io.collectflow.security.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PiiCipherTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    final String k1 = newKey();
    final String k2 = newKey();

    @Test
    void roundTripWithRandomIvAndKeyId() {
        PiiCipher cipher = new PiiCipher(Map.of("k1", k1), "k1");
        String sealed = cipher.encrypt("borrower.phone", "13812341234");
        assertThat(sealed).startsWith("k1:").doesNotContain("13812341234");
        assertThat(cipher.encrypt("borrower.phone", "13812341234")).isNotEqualTo(sealed);
        assertThat(cipher.decrypt("borrower.phone", sealed)).isEqualTo("13812341234");
        assertThat(cipher.decrypt("borrower.phone", null)).isNull();
        assertThat(cipher.decrypt("borrower.address", cipher.encrypt("borrower.address", "上海市浦东新区世纪大道100号")))
            .isEqualTo("上海市浦东新区世纪大道100号");
    }

    @Test
    void rotationKeepsOldRowsReadable() {
        String old = new PiiCipher(Map.of("k1", k1), "k1").encrypt("borrower.id_number", "310101199001011234");
        PiiCipher rotated = new PiiCipher(Map.of("k1", k1, "k2", k2), "k2");
        assertThat(rotated.decrypt("borrower.id_number", old)).isEqualTo("310101199001011234");
        assertThat(rotated.encrypt("borrower.id_number", "x")).startsWith("k2:");
        // once the old key is gone its rows cannot be read: a clear error, never ciphertext shown as data
        assertThatThrownBy(() -> new PiiCipher(Map.of("k2", k2), "k2").decrypt("borrower.id_number", old))
            .hasMessageContaining("No key 'k1'");
    }

    @Test
    void aValueMovedToAnotherColumnOrAlteredDoesNotDecrypt() {
        PiiCipher cipher = new PiiCipher(Map.of("k1", k1), "k1");
        String phone = cipher.encrypt("borrower.phone", "13812341234");
        assertThatThrownBy(() -> cipher.decrypt("borrower.email", phone)).hasMessageContaining("Cannot decrypt");
        String altered = phone.substring(0, phone.length() - 6) + (phone.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
        assertThatThrownBy(() -> cipher.decrypt("borrower.phone", altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noActiveKeyRefusesToStartWithAClearMessage() {
        assertThatThrownBy(() -> new PiiCipher(Map.of("k1", ""), "k1")).hasMessageContaining("COLLECTFLOW_PII_KEY");
        assertThatThrownBy(() -> new PiiCipher(Map.of("k1", "c2hvcnQ="), "k1")).hasMessageContaining("32 random bytes");
    }

    @Test
    void masks() {
        assertThat(PiiMasking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(PiiMasking.phone("+86 138 1234 1234")).isEqualTo("138****1234");
        assertThat(PiiMasking.idNumber("310101199001011234")).isEqualTo("3101**********1234");
        assertThat(PiiMasking.email("wang.li@example.com")).isEqualTo("w***@example.com");
        assertThat(PiiMasking.address("上海市浦东新区世纪大道100号")).isEqualTo("上海市浦东新***");
    }
}
