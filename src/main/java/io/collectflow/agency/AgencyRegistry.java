package io.collectflow.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import io.collectflow.contact.DbTime;
import io.collectflow.security.Roles;

/**
 * The agency registry (C4): only qualified agencies with a signed NDA and a valid licence that are not
 * suspended get placements. Changes made through the API go through {@link AgencyAdministration}.
 */
@Service
public class AgencyRegistry {

    private static final RowMapper<Agency> AGENCY = (rs, n) -> new Agency(rs.getString("code"), rs.getString("name"),
        rs.getString("licence_no"), rs.getDate("licence_expires_on").toLocalDate(), rs.getInt("rating"),
        rs.getBoolean("nda_signed"), rs.getBoolean("qualified"), rs.getString("group_id"), rs.getBoolean("suspended"),
        rs.getString("suspended_reason"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AgencyRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers or re-reviews an agency; its group id is always {@code agency-<code>}. */
    public Agency register(Agency agency) {
        if (agency.code() == null || !agency.code().matches("[a-z0-9]{2,32}")) {
            throw new IllegalArgumentException("code: 2-32 lower-case letters or digits");
        }
        if (agency.rating() < 1 || agency.rating() > 5) {
            throw new IllegalArgumentException("rating: 1 to 5");
        }
        String group = Roles.agencyGroup(agency.code());
        int updated = jdbc.update("""
            UPDATE agency SET name = ?, licence_no = ?, licence_expires_on = ?, rating = ?, nda_signed = ?, qualified = ?,
                   reviewed_at = ? WHERE code = ?""", agency.name(), agency.licenceNo(), agency.licenceExpiresOn(),
            agency.rating(), agency.ndaSigned(), agency.qualified(), DbTime.toDb(clock.instant()), agency.code());
        if (updated == 0) {
            jdbc.update("""
                INSERT INTO agency (code, name, licence_no, licence_expires_on, rating, nda_signed, qualified, group_id,
                                    reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", agency.code(), agency.name(),
                agency.licenceNo(), agency.licenceExpiresOn(), agency.rating(), agency.ndaSigned(), agency.qualified(),
                group, DbTime.toDb(clock.instant()));
        }
        return find(agency.code()).orElseThrow();
    }

    /** Stores a qualification review of an existing agency; false when there is no such agency. */
    boolean review(String code, AgencyReview review) {
        return jdbc.update("""
            UPDATE agency SET licence_no = ?, licence_expires_on = ?, rating = ?, nda_signed = ?, qualified = ?,
                   reviewed_at = ? WHERE code = ?""", review.licenceNo(), review.licenceExpiresOn(), review.rating(),
            review.ndaSigned(), review.qualified(), DbTime.toDb(clock.instant()), code) == 1;
    }

    /** Suspends (reason given) or reinstates (reason null) an agency; false when there is no such agency. */
    boolean suspend(String code, boolean suspended, String reason) {
        return jdbc.update("UPDATE agency SET suspended = ?, suspended_reason = ?, suspended_at = ? WHERE code = ?",
            suspended, suspended ? reason : null, suspended ? DbTime.toDb(clock.instant()) : null, code) == 1;
    }

    /** Active placements per agency code. */
    public java.util.Map<String, Integer> activePlacements() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query("SELECT agency_code, COUNT(*) AS n FROM agency_placement WHERE status = 'ACTIVE' GROUP BY agency_code",
            rs -> {
                counts.put(rs.getString("agency_code"), rs.getInt("n"));
            });
        return counts;
    }

    public Optional<Agency> find(String code) {
        return jdbc.query("SELECT * FROM agency WHERE code = ?", AGENCY, code).stream().findFirst();
    }

    public List<Agency> all() {
        return jdbc.query("SELECT * FROM agency ORDER BY code", AGENCY);
    }

    /** The agency the decision table chose if it may take placements today, else the best-rated one that may. */
    public Optional<Agency> qualified(String preferred, LocalDate today) {
        Optional<Agency> chosen = find(preferred).filter(a -> a.eligibleOn(today));
        if (chosen.isPresent()) {
            return chosen;
        }
        return all().stream().filter(a -> a.eligibleOn(today))
            .max(Comparator.comparingInt(Agency::rating).thenComparing(Agency::code, Comparator.reverseOrder()));
    }
}
