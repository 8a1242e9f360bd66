package io.collectflow.loan.borrower;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.security.audit.AuditLog;
import io.collectflow.security.pii.BorrowerPii;
import io.collectflow.security.pii.PiiMasking;

/**
 * The recorded changes of a borrower's contact data ({@code borrower_contact_change}, written by
 * {@link BorrowerContactData}): in full for the roles that contact borrowers, masked for other staff; every
 * read is audited.
 */
@Service
public class BorrowerContactHistory {

    public static final String AUDIT_HISTORY_VIEW = "BORROWER_CONTACT_HISTORY_VIEW";

    /** One recorded change; values are masked unless the reader may see them in full. */
    public record Change(Instant changedAt, String changedBy, String source, String note, Map<String, String[]> fields) {
    }

    private final JdbcTemplate jdbc;
    private final BorrowerPii pii;
    private final AuditLog audit;

    public BorrowerContactHistory(JdbcTemplate jdbc, BorrowerPii pii, AuditLog audit) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.audit = audit;
    }

    /** The borrower's recorded changes, newest first; in full or masked; reading them is audited. */
    @Transactional
    public List<Change> changes(String borrowerId, boolean full, String user) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM borrower WHERE borrower_id = ?", Long.class, borrowerId) == 0) {
            throw new NoSuchElementException("borrower " + borrowerId + " does not exist");
        }
        List<Change> changes = jdbc.query("""
            SELECT changed_at, changed_by, source, note, old_phone, new_phone, old_email, new_email, old_address,
                   new_address
              FROM borrower_contact_change WHERE borrower_id = ? ORDER BY changed_at DESC, change_id""", (rs, n) -> {
                Map<String, String[]> fields = new LinkedHashMap<>();
                for (ContactDataField field : ContactDataField.values()) {
                    String oldValue = rs.getString("old_" + field.column);
                    String newValue = rs.getString("new_" + field.column);
                    if (oldValue != null || newValue != null) {
                        fields.put(field.column, new String[] {shown(field, oldValue, full), shown(field, newValue, full)});
                    }
                }
                return new Change(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                    rs.getString("source"), rs.getString("note"), fields);
            }, borrowerId);
        audit.record(user, AUDIT_HISTORY_VIEW, "borrower", borrowerId, full ? "full" : "masked");
        return changes;
    }

    private String shown(ContactDataField field, String sealed, boolean full) {
        String value = pii.open(field.sealedAs, sealed);
        if (full || value == null) {
            return value;
        }
        return switch (field) {
            case PHONE -> PiiMasking.phone(value);
            case EMAIL -> PiiMasking.email(value);
            case ADDRESS -> PiiMasking.address(value);
        };
    }
}
