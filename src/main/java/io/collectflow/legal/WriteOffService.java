package io.collectflow.legal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.contact.DbTime;
import io.collectflow.web.InvalidFieldException;

/**
 * Write-off requests (D2): the dossier, the four-eyes approvals and the booking. The requester never
 * approves and nobody approves the same request twice.
 */
@Service
public class WriteOffService {

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private final JdbcTemplate jdbc;
    private final CaseBundleService bundles;
    private final Clock clock;

    public WriteOffService(JdbcTemplate jdbc, CaseBundleService bundles, Clock clock) {
        this.jdbc = jdbc;
        this.bundles = bundles;
        this.clock = clock;
    }

    /** Opens a request with its dossier assembled from the loan book and the contact log; returns its id. */
    @Transactional
    public long request(String loanNo, String requestedBy, List<WriteOffGround> grounds) {
        if (grounds.isEmpty()) {
            throw new IllegalArgumentException("loan " + loanNo + " meets no write-off ground");
        }
        CaseBundle bundle = bundles.bundle(loanNo);
        BigDecimal amount = bundles.balance(loanNo);
        jdbc.update("""
            INSERT INTO write_off_request (loan_no, requested_by, grounds, amount, dossier, status, requested_at)
            VALUES (?, ?, ?, ?, ?, 'OPEN', ?)""", loanNo, requestedBy,
            grounds.stream().map(Enum::name).collect(Collectors.joining(",")), amount, bundle.asText(),
            DbTime.toDb(clock.instant()));
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM write_off_request WHERE loan_no = ?", Long.class, loanNo);
        return id == null ? 0 : id;
    }

    /** The approval level the decision table chose. */
    public void setLevel(long requestId, String approverGroup, int approvalsRequired) {
        jdbc.update("UPDATE write_off_request SET approver_group = ?, approvals_required = ? WHERE id = ?",
            approverGroup, approvalsRequired, requestId);
    }

    public WriteOffRequest find(long requestId) {
        return jdbc.queryForObject("SELECT * FROM write_off_request WHERE id = ?",
            (rs, n) -> new WriteOffRequest(rs.getLong("id"), rs.getString("loan_no"), rs.getString("requested_by"),
                rs.getString("grounds"), rs.getBigDecimal("amount"), rs.getString("approver_group"),
                rs.getInt("approvals_required"), rs.getString("status"), rs.getString("rejection_reason")),
            requestId);
    }

    /** The whole dossier of the request; empty if there is no such request. */
    public Optional<String> dossier(long requestId) {
        return jdbc.queryForList("SELECT dossier FROM write_off_request WHERE id = ?", String.class, requestId).stream()
            .findFirst();
    }

    /**
     * The dossier as the approval form shows it: whole if it fits {@code maxChars} (a Camunda string variable
     * holds 4,000), otherwise its first lines and a last line saying how long it is and where to read it all.
     */
    public String formDossier(long requestId, int maxChars) {
        String dossier = dossier(requestId).orElseThrow(() -> new IllegalArgumentException("no write-off request " + requestId));
        if (dossier.length() <= maxChars) {
            return dossier;
        }
        String more = "... the dossier goes on (" + dossier.length() + " characters in all): GET /api/write-offs/"
            + requestId + "/dossier\n";
        int cut = dossier.lastIndexOf('\n', maxChars - more.length() - 1);
        return dossier.substring(0, cut + 1) + more;
    }

    /** Who has already decided on the request. */
    public Set<String> approvers(long requestId) {
        return new LinkedHashSet<>(jdbc.queryForList(
            "SELECT approver FROM write_off_approval WHERE request_id = ? ORDER BY decided_at", String.class, requestId));
    }

    /** Members of the approving group who may decide: neither the requester nor anyone who already decided. */
    public List<String> eligibleApprovers(long requestId, Collection<String> groupMembers) {
        WriteOffRequest request = find(requestId);
        Set<String> excluded = approvers(requestId);
        excluded.add(request.requestedBy());
        return groupMembers.stream().filter(user -> !excluded.contains(user)).toList();
    }

    /**
     * Records one approver's decision.
     *
     * @throws FourEyesViolationException if the approver requested the write-off or already decided on it
     */
    @Transactional
    public void decide(long requestId, String approver, boolean approve, String comment) {
        if (approver == null || approver.isBlank()) {
            throw new FourEyesViolationException("write-off request " + requestId
                + ": the approver is unknown; claim the task before deciding");
        }
        WriteOffRequest request = find(requestId);
        if (!"OPEN".equals(request.status())) {
            throw new IllegalStateException("write-off request " + requestId + " is already " + request.status());
        }
        if (approver.equals(request.requestedBy())) {
            throw new FourEyesViolationException("write-off request " + requestId + ": " + approver
                + " requested this write-off and may not approve it (four-eyes rule)");
        }
        if (approvers(requestId).contains(approver)) {
            throw new FourEyesViolationException("write-off request " + requestId + ": " + approver
                + " has already decided; a second, different approver is required (four-eyes rule)");
        }
        if (!approve && (comment == null || comment.isBlank())) {
            throw new InvalidFieldException("writeOffComment", "a rejection needs a reason");
        }
        jdbc.update("""
            INSERT INTO write_off_approval (request_id, approver, decision, comment_text, decided_at)
            VALUES (?, ?, ?, ?, ?)""", requestId, approver, approve ? APPROVE : REJECT, comment,
            DbTime.toDb(clock.instant()));
    }

    /** Books the write-off: the loan becomes WRITTEN_OFF and an accounting event records the amount. */
    @Transactional
    public void writeOff(long requestId) {
        WriteOffRequest request = find(requestId);
        int approvals = jdbc.queryForObject(
            "SELECT COUNT(DISTINCT approver) FROM write_off_approval WHERE request_id = ? AND decision = 'APPROVE'",
            Integer.class, requestId);
        if (approvals < request.approvalsRequired()) {
            throw new FourEyesViolationException("write-off request " + requestId + " has " + approvals
                + " approval(s), " + request.approvalsRequired() + " required");
        }
        jdbc.update("UPDATE loan SET status = 'WRITTEN_OFF' WHERE loan_no = ?", request.loanNo());
        jdbc.update("UPDATE write_off_request SET status = 'APPROVED', decided_at = ? WHERE id = ?",
            DbTime.toDb(clock.instant()), requestId);
        jdbc.update("""
            INSERT INTO accounting_event (loan_no, event_type, amount, reference, occurred_at)
            VALUES (?, 'WRITE_OFF', ?, ?, ?)""", request.loanNo(), request.amount(), "write-off-request-" + requestId,
            DbTime.toDb(clock.instant()));
    }

    /** Closes the request as rejected; the case goes back to collection with this reason. */
    public void reject(long requestId, String reason) {
        jdbc.update("UPDATE write_off_request SET status = 'REJECTED', rejection_reason = ?, decided_at = ? WHERE id = ?",
            reason, DbTime.toDb(clock.instant()), requestId);
    }
}
