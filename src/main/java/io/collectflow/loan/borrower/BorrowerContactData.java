package io.collectflow.loan.borrower;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.casework.stage.CaseContactData;
import io.collectflow.loan.Chunks;
import io.collectflow.loan.ContactDataReplacement;
import io.collectflow.loan.NewBorrower;
import io.collectflow.security.audit.AuditLog;
import io.collectflow.security.pii.BorrowerPii;
import io.collectflow.web.InvalidFieldException;

/**
 * A borrower's phone, e-mail and address after the import: changed by the staff who contact the borrower (a skip
 * trace found a new number, the borrower moved) or by a later import of the same borrower, every change kept with
 * its old and new values (sealed), who made it, when and from which source, and shown at once on the borrower's
 * running cases; staff changes are audited. One transaction. The changes are read by {@link BorrowerContactHistory}.
 */
@Service
public class BorrowerContactData implements ContactDataReplacement {

    public static final String AUDIT_UPDATE = "BORROWER_CONTACT_UPDATE";
    /** The source and author of a change made by a loan import that brought other data for a known borrower. */
    public static final String IMPORT = "IMPORT";
    public static final String IMPORTED_BY = "loan-import";

    static final int MAX_NOTE = 1000;
    static final int MAX_ADDRESS = 300;

    /** What an update did: the fields that changed (none if the values were already on file). */
    public record Outcome(String borrowerId, List<String> changed, int casesUpdated) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BorrowerPii pii;
    private final AuditLog audit;
    private final CaseContactData cases;

    public BorrowerContactData(JdbcTemplate jdbc, BorrowerPii pii, AuditLog audit, CaseContactData cases) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.pii = pii;
        this.audit = audit;
        this.cases = cases;
    }

    @Transactional
    public Outcome update(String borrowerId, ContactDataUpdate update, String user, Instant now) {
        Map<ContactDataField, String> wanted = validated(update);
        Map<ContactDataField, String[]> changes = differences(wanted, current(borrowerId));
        if (changes.isEmpty()) {
            return new Outcome(borrowerId, List.of(), 0);
        }
        Map<ContactDataField, String[]> sealed = new LinkedHashMap<>();
        changes.forEach((field, values) -> sealed.put(field, new String[] {pii.seal(field.sealedAs, values[0]),
            seal(field, values[1])}));
        List<Object> args = new ArrayList<>();
        StringBuilder set = new StringBuilder();
        sealed.forEach((field, values) -> {
            set.append(set.isEmpty() ? "" : ", ").append(field.column).append(" = ?");
            args.add(values[1]);
        });
        args.add(borrowerId);
        jdbc.update("UPDATE borrower SET " + set + " WHERE borrower_id = ?", args.toArray());
        insertChange(borrowerId, now, user, update.source().trim(), blankToNull(update.note()), sealed);
        List<String> changed = changes.keySet().stream().map(f -> f.column).toList();
        audit.record(user, AUDIT_UPDATE, "borrower", borrowerId,
            "changed " + String.join(", ", changed) + "; source " + update.source().trim());
        return new Outcome(borrowerId, changed, cases.borrowerChanged(borrowerId, now));
    }

    /**
     * A loan import is about to replace known borrowers' contact data with its file's: each borrower whose phone,
     * e-mail or address differs gets a change row (source {@value #IMPORT}, by {@value #IMPORTED_BY}); once the
     * rows are replaced, their running cases show the new data.
     */
    @Override
    public Runnable replacing(List<NewBorrower> borrowers, Instant now) {
        Map<String, Map<ContactDataField, String>> onFile = currentOf(borrowers.stream().map(NewBorrower::borrowerId).toList());
        List<String> changedBorrowers = new ArrayList<>();
        for (NewBorrower borrower : borrowers) {
            Map<ContactDataField, String> wanted = new LinkedHashMap<>();
            wanted.put(ContactDataField.PHONE, blankToNull(borrower.phone()));
            wanted.put(ContactDataField.EMAIL, blankToNull(borrower.email()));
            wanted.put(ContactDataField.ADDRESS, blankToNull(borrower.address()));
            Map<ContactDataField, String[]> sealed = new LinkedHashMap<>();
            differences(wanted, onFile.get(borrower.borrowerId())).forEach((field, values) -> sealed.put(field,
                new String[] {pii.seal(field.sealedAs, values[0]), pii.seal(field.sealedAs, values[1])}));
            if (!sealed.isEmpty()) {
                insertChange(borrower.borrowerId(), now, IMPORTED_BY, IMPORT, null, sealed);
                changedBorrowers.add(borrower.borrowerId());
            }
        }
        return () -> changedBorrowers.forEach(id -> cases.borrowerChanged(id, now));
    }

    /** The fields to set, checked: 422 naming the first bad field, before anything is read or written. */
    private static Map<ContactDataField, String> validated(ContactDataUpdate update) {
        if (update == null) {
            throw new InvalidFieldException("phone", "give phone, email or address");
        }
        if (update.source() == null || Arrays.stream(ContactDataUpdate.Source.values())
                .noneMatch(s -> s.name().equals(update.source().trim()))) {
            throw new InvalidFieldException("source", "one of " + Arrays.toString(ContactDataUpdate.Source.values()));
        }
        if (update.note() != null && update.note().length() > MAX_NOTE) {
            throw new InvalidFieldException("note", "at most " + MAX_NOTE + " characters");
        }
        Map<ContactDataField, String> wanted = new LinkedHashMap<>();
        if (update.phone() != null) {
            if (!ContactDataRules.isPhone(update.phone())) {
                throw new InvalidFieldException("phone", "7 to 20 digits, spaces or dashes, optionally after a +");
            }
            wanted.put(ContactDataField.PHONE, update.phone().trim());
        }
        if (update.email() != null) {
            if (!update.email().isBlank() && !ContactDataRules.isEmail(update.email())) {
                throw new InvalidFieldException("email", "not an e-mail address (empty removes it)");
            }
            wanted.put(ContactDataField.EMAIL, blankToNull(update.email()));
        }
        if (update.address() != null) {
            if (update.address().isBlank() || update.address().trim().length() > MAX_ADDRESS) {
                throw new InvalidFieldException("address", "1 to " + MAX_ADDRESS + " characters");
            }
            wanted.put(ContactDataField.ADDRESS, update.address().trim());
        }
        if (wanted.isEmpty()) {
            throw new InvalidFieldException("phone", "give phone, email or address");
        }
        return wanted;
    }

    /** The borrower's contact data on file, decrypted; locks the row until the change commits. */
    private Map<ContactDataField, String> current(String borrowerId) {
        return jdbc.query("SELECT phone, email, address FROM borrower WHERE borrower_id = ? FOR UPDATE", rs -> {
            if (!rs.next()) {
                throw new NoSuchElementException("borrower " + borrowerId + " does not exist");
            }
            return opened(rs);
        }, borrowerId);
    }

    /** Borrower id → contact data on file, decrypted, read {@link Chunks#SIZE} borrowers at a time. */
    private Map<String, Map<ContactDataField, String>> currentOf(List<String> borrowerIds) {
        Map<String, Map<ContactDataField, String>> found = new HashMap<>();
        for (List<String> chunk : Chunks.of(borrowerIds)) {
            named.query("SELECT borrower_id, phone, email, address FROM borrower WHERE borrower_id IN (:ids)",
                new MapSqlParameterSource("ids", chunk), rs -> {
                    found.put(rs.getString("borrower_id"), opened(rs));
                });
        }
        return found;
    }

    private Map<ContactDataField, String> opened(ResultSet row) throws SQLException {
        Map<ContactDataField, String> values = new LinkedHashMap<>();
        for (ContactDataField field : ContactDataField.values()) {
            values.put(field, pii.open(field.sealedAs, row.getString(field.column)));
        }
        return values;
    }

    /** ContactDataField → [value on file, wanted value] for each wanted value that differs from the one on file. */
    private static Map<ContactDataField, String[]> differences(Map<ContactDataField, String> wanted, Map<ContactDataField, String> current) {
        Map<ContactDataField, String[]> changes = new LinkedHashMap<>();
        wanted.forEach((field, value) -> {
            if (!Objects.equals(blankToNull(current.get(field)), value)) {
                changes.put(field, new String[] {current.get(field), value});
            }
        });
        return changes;
    }

    private void insertChange(String borrowerId, Instant now, String user, String source, String note,
            Map<ContactDataField, String[]> sealed) {
        String[] none = {null, null};
        jdbc.update("""
            INSERT INTO borrower_contact_change (change_id, borrower_id, changed_at, changed_by, source, note,
                old_phone, new_phone, old_email, new_email, old_address, new_address)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), borrowerId,
            Timestamp.from(now), user, source, note,
            sealed.getOrDefault(ContactDataField.PHONE, none)[0], sealed.getOrDefault(ContactDataField.PHONE, none)[1],
            sealed.getOrDefault(ContactDataField.EMAIL, none)[0], sealed.getOrDefault(ContactDataField.EMAIL, none)[1],
            sealed.getOrDefault(ContactDataField.ADDRESS, none)[0], sealed.getOrDefault(ContactDataField.ADDRESS, none)[1]);
    }

    private String seal(ContactDataField field, String value) {
        String sealed = pii.seal(field.sealedAs, value);
        if (sealed != null && sealed.length() > field.width) {
            throw new InvalidFieldException(field.column, "too long to store");
        }
        return sealed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
