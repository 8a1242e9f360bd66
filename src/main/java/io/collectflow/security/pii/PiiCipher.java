package io.collectflow.security.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal data at rest: {@code keyId:base64(iv|ciphertext+tag)}, with the column name as
 * associated data so a value cannot be moved to another column unnoticed. Values without a known key-id
 * prefix are rows written before encryption and are returned as they are.
 */
public final class PiiCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** What {@link #encrypt} writes; anything else is a value stored before encryption. */
    private static final Pattern SEALED = Pattern.compile("[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{30,}={0,2}");

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(Map<String, String> base64Keys, String activeKeyId) {
        base64Keys.forEach((id, value) -> {
            if (value != null && !value.isBlank()) {
                byte[] raw = Base64.getDecoder().decode(value.trim());
                if (raw.length != 32) {
                    throw new IllegalStateException("collectflow.security.pii.keys." + id
                        + " must be the base64 of 32 random bytes (AES-256), got " + raw.length + " bytes");
                }
                keys.put(id, new SecretKeySpec(raw, "AES"));
            }
        });
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("No key for personal data: set COLLECTFLOW_PII_KEY (base64 of 32 random"
                + " bytes, e.g. `openssl rand -base64 32`) or collectflow.security.pii.keys." + activeKeyId
                + "; the active key id is collectflow.security.pii.active-key-id=" + activeKeyId);
        }
        if (!activeKeyId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalStateException("collectflow.security.pii.active-key-id: letters, digits, '-', '_' only");
        }
        this.activeKeyId = activeKeyId;
    }

    public String encrypt(String column, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String column, String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (!SEALED.matcher(stored).matches()) {
            return stored;
        }
        SecretKey key = keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("No key '" + stored.substring(0, colon) + "' configured to read " + column
                + " (collectflow.security.pii.keys)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt " + column + " (wrong key or altered value)", e);
        }
    }

    /** The id new values are encrypted with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** The key id a stored value was encrypted with; null for a value stored before encryption (or null). */
    public String keyIdOf(String stored) {
        return stored == null || !SEALED.matcher(stored).matches() ? null : stored.substring(0, stored.indexOf(':'));
    }

    /**
     * The value encrypted with the active key when it is stored in clear or under an older key; null when it
     * needs nothing (null, or already under the active key). Throws when its key is not configured.
     */
    public String reseal(String column, String stored) {
        if (stored == null || activeKeyId.equals(keyIdOf(stored))) {
            return null;
        }
        return encrypt(column, decrypt(column, stored));
    }

    /** Keyed hash (HMAC-SHA256 with the active key) for equality lookups without decrypting: a blind index. */
    public String blindIndex(String column, String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(activeKeyId).getEncoded(), "HmacSHA256"));
            mac.update(column.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
