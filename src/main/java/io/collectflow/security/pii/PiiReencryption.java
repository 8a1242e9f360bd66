package io.collectflow.security.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings every sealed personal column under the active key: values stored in clear (rows written before
 * V71/V130) and values under an older key id (after a rotation) are encrypted again. Idempotent: a value
 * already under the active key is not touched, so a second run changes nothing. Safe on several nodes at once:
 * a row is only updated while it still holds the value that was read (compare-and-set), in small batches.
 */
public class PiiReencryption {

    private static final Logger log = LoggerFactory.getLogger(PiiReencryption.class);

    /** A table with sealed columns: its key column and, per sealed column, the name bound into the ciphertext. */
    public record SealedTable(String table, String key, Map<String, String> columns) {
    }

    /** What one run did to one table. */
    public record Outcome(String table, int resealed, int failed) {
    }

    /** Every table with sealed personal data. */
    public static final List<SealedTable> TABLES = List.of(
        new SealedTable("borrower", "borrower_id", ordered(
            "id_number", BorrowerPii.ID_NUMBER, "phone", BorrowerPii.PHONE,
            "email", BorrowerPii.EMAIL, "address", BorrowerPii.ADDRESS)),
        new SealedTable("complaint", "complaint_no", ordered(
            "complainant_name", ComplainantPii.NAME, "complainant_phone", ComplainantPii.PHONE,
            "complainant_email", ComplainantPii.EMAIL)),
        new SealedTable("borrower_contact_change", "change_id", ordered(
            "old_phone", BorrowerPii.PHONE, "new_phone", BorrowerPii.PHONE, "old_email", BorrowerPii.EMAIL,
            "new_email", BorrowerPii.EMAIL, "old_address", BorrowerPii.ADDRESS, "new_address", BorrowerPii.ADDRESS)));

    private final JdbcTemplate jdbc;
    private final PiiCipher cipher;
    private final int batchSize;

    public PiiReencryption(JdbcTemplate jdbc, PiiCipher cipher, int batchSize) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.batchSize = batchSize;
    }

    public List<Outcome> run() {
        return TABLES.stream().map(this::run).toList();
    }

    Outcome run(SealedTable t) {
        List<String> columns = new ArrayList<>(t.columns().keySet());
        // a cheap pre-filter: only rows with a value not starting with "<active key id>:"
        String notActive = columns.stream().map(c -> c + " NOT LIKE ? ESCAPE '!'").collect(Collectors.joining(" OR "));
        String select = "SELECT " + t.key() + ", " + String.join(", ", columns) + " FROM " + t.table()
            + " WHERE " + t.key() + " > ? AND (" + notActive + ") ORDER BY " + t.key() + " LIMIT " + batchSize;
        String prefix = cipher.activeKeyId().replace("!", "!!").replace("%", "!%").replace("_", "!_") + ":%";
        int resealed = 0;
        int failed = 0;
        String after = "";
        while (true) {
            Object[] args = new Object[columns.size() + 1];
            args[0] = after;
            Arrays.fill(args, 1, args.length, prefix);
            List<Map<String, Object>> rows = jdbc.queryForList(select, args);
            for (Map<String, Object> row : rows) {
                Boolean done = reseal(t, columns, row);
                if (done == null) {
                    failed++;
                } else if (done) {
                    resealed++;
                }
                after = value(row, t.key());
            }
            if (rows.size() < batchSize) {
                break;
            }
        }
        if (resealed > 0 || failed > 0) {
            log.info("Re-encrypted {} {} rows under key '{}'; {} could not be read", resealed, t.table(),
                cipher.activeKeyId(), failed);
        }
        return new Outcome(t.table(), resealed, failed);
    }

    /** True when the row was updated, false when it needed nothing or changed meanwhile, null when unreadable. */
    private Boolean reseal(SealedTable t, List<String> columns, Map<String, Object> row) {
        String key = value(row, t.key());
        Map<String, String[]> changes = new LinkedHashMap<>();
        for (String column : columns) {
            String stored = value(row, column);
            try {
                String sealed = cipher.reseal(t.columns().get(column), stored);
                if (sealed != null) {
                    changes.put(column, new String[] {stored, sealed});
                }
            } catch (IllegalStateException unreadable) {
                log.error("{} {}: column {} cannot be re-encrypted: {}", t.table(), key, column, unreadable.getMessage());
                return null;
            }
        }
        if (changes.isEmpty()) {
            return false;
        }
        List<Object> args = new ArrayList<>();
        changes.values().forEach(c -> args.add(c[1]));
        args.add(key);
        changes.values().forEach(c -> args.add(c[0]));
        String update = "UPDATE " + t.table() + " SET "
            + changes.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + " WHERE " + t.key() + " = ? AND "
            + changes.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        return jdbc.update(update, args.toArray()) == 1;
    }

    /** A column's value (queryForList's maps ignore the case of column labels). */
    private static String value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
