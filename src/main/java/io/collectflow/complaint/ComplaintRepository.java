package io.collectflow.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.collectflow.contact.DbTime;
import io.collectflow.security.pii.ComplainantPii;

/**
 * The complaint table and the loan-book look-ups the complaint loop needs. The complainant's name, phone and
 * e-mail are stored encrypted ({@link ComplainantPii}) and decrypted when read.
 */
@Repository
public class ComplaintRepository {

    /** Who a loan belongs to and who last worked it, as far as the contact log knows. */
    public record LoanLink(String loanNo, String borrowerId, String collectorId, String agencyId) {
    }

    private final JdbcClient jdbc;
    private final ComplainantPii pii;

    public ComplaintRepository(JdbcClient jdbc, ComplainantPii pii) {
        this.jdbc = jdbc;
        this.pii = pii;
    }

    public long insert(String complaintNo, ComplaintSubmission s, ComplaintCategory category, LoanLink link,
            Instant receivedAt, Instant acknowledgeBy, Instant resolveBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO complaint (complaint_no, channel, received_at, complainant_name, complainant_phone,
                    complainant_email, stated_loan_no, linked_loan_no, borrower_id, collector_id, agency_id, category,
                    complaint_text, status, acknowledge_by, resolve_by, source_ref)
                VALUES (:no, :channel, :received, :name, :phone, :email, :stated, :linked, :borrower, :collector,
                    :agency, :category, :text, :status, :ack, :resolve, :sourceRef)
                """)
            .param("no", complaintNo).param("channel", s.channel().name()).param("received", DbTime.toDb(receivedAt))
            .param("name", pii.seal(ComplainantPii.NAME, s.name().strip()))
            .param("phone", pii.seal(ComplainantPii.PHONE, trimmed(s.phone())))
            .param("email", pii.seal(ComplainantPii.EMAIL, trimmed(s.email())))
            .param("stated", trimmed(s.loanNo()))
            .param("linked", link == null ? null : link.loanNo())
            .param("borrower", link == null ? null : link.borrowerId())
            .param("collector", link == null ? null : link.collectorId())
            .param("agency", link == null ? null : link.agencyId())
            .param("category", category == null ? null : category.name())
            .param("text", s.text()).param("status", Complaint.STATUS_RECEIVED)
            .param("ack", DbTime.toDb(acknowledgeBy)).param("resolve", DbTime.toDb(resolveBy))
            .param("sourceRef", s.sourceRef())
            .update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean existsSource(String sourceRef) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE source_ref = :ref").param("ref", sourceRef)
            .query(Integer.class).single() > 0;
    }

    public Optional<Complaint> find(String complaintNo) {
        return jdbc.sql("SELECT * FROM complaint WHERE complaint_no = :no").param("no", complaintNo)
            .query(this::map).optional();
    }

    public Complaint get(String complaintNo) {
        return find(complaintNo).orElseThrow(() -> new IllegalArgumentException("unknown complaint '" + complaintNo + "'"));
    }

    /** The loan, its borrower, and the last collector and agency user in its contact log; empty when no such loan. */
    public Optional<LoanLink> linkLoan(String loanNo) {
        if (loanNo == null || loanNo.isBlank()) {
            return Optional.empty();
        }
        String trimmed = loanNo.strip();
        return jdbc.sql("SELECT borrower_id FROM loan WHERE loan_no = :l").param("l", trimmed).query(String.class)
            .optional()
            .map(borrower -> new LoanLink(trimmed, borrower, lastOperator(trimmed, "COLLECTOR"), lastOperator(trimmed, "AGENCY")));
    }

    private String lastOperator(String loanNo, String type) {
        return jdbc.sql("""
                SELECT operator_id FROM contact_log WHERE loan_no = :l AND operator_type = :t
                ORDER BY occurred_at DESC, id DESC
                """)
            .param("l", loanNo).param("t", type).query(String.class).list().stream().findFirst().orElse(null);
    }

    public void register(long id, ComplaintCategory category, LoanLink link, String statedLoanNo, String collectorId,
            String agencyId, String actor, Instant at) {
        int updated = jdbc.sql("""
                UPDATE complaint SET category = :category, stated_loan_no = :stated, linked_loan_no = :linked,
                    borrower_id = :borrower, collector_id = :collector, agency_id = :agency, registered_by = :actor,
                    acknowledged_at = COALESCE(acknowledged_at, :at), status = :registered
                WHERE id = :id AND status IN (:received, :registered)
                """)
            .param("category", category.name()).param("stated", statedLoanNo)
            .param("linked", link == null ? null : link.loanNo()).param("borrower", link == null ? null : link.borrowerId())
            .param("collector", collectorId).param("agency", agencyId).param("actor", actor).param("at", DbTime.toDb(at))
            .param("registered", Complaint.STATUS_REGISTERED).param("received", Complaint.STATUS_RECEIVED).param("id", id)
            .update();
        requireOne(updated, id, "registered");
    }

    public void decide(long id, String findings, boolean misconduct, String decision, String remedy, String collectorId,
            String agencyId, String actor, Instant at) {
        int updated = jdbc.sql("""
                UPDATE complaint SET findings = :findings, misconduct_confirmed = :misconduct, decision = :decision,
                    remedy = :remedy, collector_id = :collector, agency_id = :agency, decided_by = :actor,
                    decided_at = :at, status = :decided
                WHERE id = :id AND status = :registered
                """)
            .param("findings", findings).param("misconduct", misconduct).param("decision", decision)
            .param("remedy", remedy).param("collector", collectorId).param("agency", agencyId).param("actor", actor)
            .param("at", DbTime.toDb(at)).param("decided", Complaint.STATUS_DECIDED)
            .param("registered", Complaint.STATUS_REGISTERED).param("id", id).update();
        requireOne(updated, id, "decided");
    }

    public void feedbackSent(long id, String channel, Instant at) {
        int updated = jdbc.sql("""
                UPDATE complaint SET feedback_channel = :channel, feedback_sent_at = :at, status = :sent
                WHERE id = :id AND status = :decided
                """)
            .param("channel", channel).param("at", DbTime.toDb(at)).param("sent", Complaint.STATUS_FEEDBACK_SENT)
            .param("decided", Complaint.STATUS_DECIDED).param("id", id).update();
        requireOne(updated, id, "given feedback");
    }

    public void archive(long id, Instant at) {
        int updated = jdbc.sql("UPDATE complaint SET archived_at = :at, status = :archived WHERE id = :id AND status <> :archived")
            .param("at", DbTime.toDb(at)).param("archived", Complaint.STATUS_ARCHIVED).param("id", id).update();
        requireOne(updated, id, "archived");
    }

    /** Open (not archived) complaints of the borrower other than {@code exceptId}. */
    public int otherOpenComplaints(String borrowerId, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE borrower_id = :b AND id <> :id AND status <> :archived")
            .param("b", borrowerId).param("id", exceptId).param("archived", Complaint.STATUS_ARCHIVED)
            .query(Integer.class).single();
    }

    public long countReceived(Instant from, Instant toExclusive) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE received_at >= :from AND received_at < :to")
            .param("from", DbTime.toDb(from)).param("to", DbTime.toDb(toExclusive)).query(Long.class).single();
    }

    private static void requireOne(int updated, long id, String what) {
        if (updated != 1) {
            throw new IllegalStateException("complaint " + id + " cannot be " + what + " in its current state");
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Complaint map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        return new Complaint(rs.getLong("id"), rs.getString("complaint_no"), IntakeChannel.valueOf(rs.getString("channel")),
            instant(rs, "received_at"), pii.open(ComplainantPii.NAME, rs.getString("complainant_name")),
            pii.open(ComplainantPii.PHONE, rs.getString("complainant_phone")),
            pii.open(ComplainantPii.EMAIL, rs.getString("complainant_email")), rs.getString("stated_loan_no"), rs.getString("linked_loan_no"),
            rs.getString("borrower_id"), rs.getString("collector_id"), rs.getString("agency_id"),
            category == null ? null : ComplaintCategory.valueOf(category), rs.getString("complaint_text"),
            rs.getString("status"), instant(rs, "acknowledge_by"), instant(rs, "resolve_by"), rs.getString("decision"),
            rs.getBoolean("misconduct_confirmed"), rs.getString("remedy"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return DbTime.fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
