package io.collectflow.security.pii;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.collectflow.security.Roles;
import io.collectflow.security.audit.AuditLog;

/**
 * {@code GET /api/complaints/{complaintNo}/complainant}: who complained and how to answer them, in full for
 * complaint officers and administrators, masked for other in-house staff, refused to agencies; every read
 * is audited (COMPLAINANT_VIEW).
 */
@RestController
@RequestMapping("/api/complaints")
public class ComplainantController {

    /** The complainant as the API shows it; {@code masked} tells whether the personal fields are masked. */
    public record ComplainantView(String complaintId, String name, String phone, String email, boolean masked) {
    }

    private final JdbcTemplate jdbc;
    private final ComplainantPii pii;
    private final AuditLog audit;

    public ComplainantController(JdbcTemplate jdbc, ComplainantPii pii, AuditLog audit) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.audit = audit;
    }

    @GetMapping(path = "/{complaintNo}/complainant", produces = MediaType.APPLICATION_JSON_VALUE)
    public ComplainantView view(@PathVariable String complaintNo, Authentication login) {
        List<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (groups.stream().noneMatch(Arrays.asList(Roles.STAFF)::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Complainants are shown to in-house staff only");
        }
        boolean full = groups.stream().anyMatch(Arrays.asList(Roles.COMPLAINANT_PII)::contains);
        ComplainantView view = jdbc.query("SELECT complaint_no, complainant_name, complainant_phone, complainant_email"
            + " FROM complaint WHERE complaint_no = ?", (rs, n) -> {
                String name = pii.open(ComplainantPii.NAME, rs.getString(2));
                String phone = pii.open(ComplainantPii.PHONE, rs.getString(3));
                String email = pii.open(ComplainantPii.EMAIL, rs.getString(4));
                return full ? new ComplainantView(rs.getString(1), name, phone, email, false)
                    : new ComplainantView(rs.getString(1), PiiMasking.name(name), PiiMasking.phone(phone),
                        PiiMasking.email(email), true);
            }, complaintNo).stream().findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Complaint " + complaintNo + " does not exist"));
        audit.record(login.getName(), "COMPLAINANT_VIEW", "complaint", complaintNo, full ? "full" : "masked");
        return view;
    }
}
