package io.collectflow.security.pii;

import java.util.Arrays;

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
 * {@code GET /api/borrowers/{borrowerId}}: the borrower's identity and contact data, in full for the roles that
 * contact borrowers (collectors, legal, administrators), masked for everyone else; every read is audited.
 */
@RestController
@RequestMapping("/api/borrowers")
public class BorrowerController {

    /** The borrower as the API shows it; {@code masked} tells whether the personal fields are masked. */
    public record BorrowerView(String borrowerId, String name, String idNumber, String phone, String email,
            String address, String region, boolean masked) {
    }

    private final JdbcTemplate jdbc;
    private final BorrowerPii pii;
    private final AuditLog audit;

    public BorrowerController(JdbcTemplate jdbc, BorrowerPii pii, AuditLog audit) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.audit = audit;
    }

    @GetMapping(path = "/{borrowerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public BorrowerView view(@PathVariable String borrowerId, Authentication login) {
        boolean full = login.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .anyMatch(Arrays.asList(Roles.FULL_PII)::contains);
        BorrowerView view = jdbc.query("SELECT borrower_id, name, id_number, phone, email, address, region"
            + " FROM borrower WHERE borrower_id = ?", (rs, n) -> {
                String id = pii.open(BorrowerPii.ID_NUMBER, rs.getString(3));
                String phone = pii.open(BorrowerPii.PHONE, rs.getString(4));
                String email = pii.open(BorrowerPii.EMAIL, rs.getString(5));
                String address = pii.open(BorrowerPii.ADDRESS, rs.getString(6));
                return full ? new BorrowerView(rs.getString(1), rs.getString(2), id, phone, email, address, rs.getString(7), false)
                    : new BorrowerView(rs.getString(1), rs.getString(2), PiiMasking.idNumber(id), PiiMasking.phone(phone),
                        PiiMasking.email(email), PiiMasking.address(address), rs.getString(7), true);
            }, borrowerId).stream().findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Borrower " + borrowerId + " does not exist"));
        audit.record(login.getName(), "BORROWER_VIEW", "borrower", borrowerId, full ? "full" : "masked");
        return view;
    }
}
