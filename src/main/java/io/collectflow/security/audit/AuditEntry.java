package io.collectflow.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

/** One audit row; {@link #chainHash()} is how the chain links it to the row before. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subjectType,
        String subjectId, String details, String prevHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

    /** SHA-256 over the previous hash and the row's fields, each length-prefixed so no two rows read alike. */
    public String chainHash() {
        StringBuilder canonical = new StringBuilder(prevHash);
        Stream.of(Long.toString(id), occurredAt.toString(), actor, action, subjectType, subjectId, details)
            .forEach(field -> canonical.append('|').append(field == null ? "-1:" : field.length() + ":" + field));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
