package io.collectflow.legal.collateral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.loan.LenderCalendar;
import io.collectflow.contact.DbTime;
import io.collectflow.security.audit.AuditLog;

import io.collectflow.web.InvalidFieldException;

/**
 * The collateral register (D3): items securing a loan with their estimated value and valuation date. The
 * legal action counts the HELD items (LegalAssessment) for its litigation decision and takes the
 * disposal path when there are any; its disposal (method, proceeds, date) is recorded here. Registrations and
 * disposals are audited.
 */
@Service
public class CollateralService {

    private static final String SELECT = """
        SELECT c.*, d.method AS disposal_method, d.proceeds AS disposal_proceeds, d.disposed_on,
               d.recorded_by AS disposal_recorded_by
          FROM collateral c LEFT JOIN collateral_disposal d ON d.id = c.disposal_id""";

    private static final RowMapper<Collateral> COLLATERAL = (rs, n) -> new Collateral(rs.getLong("id"),
        rs.getString("loan_no"), rs.getString("kind"), rs.getString("description"), rs.getBigDecimal("estimated_value"),
        rs.getDate("valuation_date") == null ? null : rs.getDate("valuation_date").toLocalDate(), rs.getString("status"),
        rs.getString("registered_by"), DbTime.fromDb(rs.getObject("registered_at", LocalDateTime.class)),
        rs.getObject("disposal_id") == null ? null : new Collateral.Disposal(rs.getLong("disposal_id"),
            rs.getString("disposal_method"), rs.getBigDecimal("disposal_proceeds"),
            rs.getDate("disposed_on").toLocalDate(), rs.getString("disposal_recorded_by")));

    public static final String AUDIT_REGISTERED = "COLLATERAL_REGISTERED";
    public static final String AUDIT_DISPOSED = "COLLATERAL_DISPOSED";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final LenderCalendar calendar;

    public CollateralService(JdbcTemplate jdbc, AuditLog audit, Clock clock, LenderCalendar calendar) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Registers an item; {@link NoSuchElementException} for an unknown loan, {@link InvalidFieldException} for bad input. */
    @Transactional
    public Collateral register(String loanNo, NewCollateral submitted, String actor) {
        NewCollateral item = submitted.validate(calendar.today());
        requireLoan(loanNo);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                INSERT INTO collateral (loan_no, kind, description, estimated_value, valuation_date, status,
                    registered_by, registered_at) VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?)""", new String[] {"id"});
            insert.setString(1, loanNo);
            insert.setString(2, item.type());
            insert.setString(3, item.description());
            insert.setBigDecimal(4, item.estimatedValue());
            insert.setObject(5, item.valuationDate());
            insert.setString(6, actor);
            insert.setObject(7, DbTime.toDb(clock.instant()));
            return insert;
        }, keys);
        long id = keys.getKey().longValue();
        audit.record(actor, AUDIT_REGISTERED, "loan", loanNo, item.type() + " " + item.description()
            + ", estimated " + item.estimatedValue().toPlainString() + " on " + item.valuationDate() + " (collateral " + id + ")");
        return jdbc.queryForObject(SELECT + " WHERE c.id = ?", COLLATERAL, id);
    }

    /** The loan's items, oldest first; {@link NoSuchElementException} for an unknown loan. */
    public List<Collateral> forLoan(String loanNo) {
        requireLoan(loanNo);
        return jdbc.query(SELECT + " WHERE c.loan_no = ? ORDER BY c.id", COLLATERAL, loanNo);
    }

    /**
     * Records the disposal of the loan's HELD items (they become DISPOSED with it) and returns its id; recorded by
     * and audited ({@value #AUDIT_DISPOSED}) under {@code reportedBy}, who reported the sale (null when unknown: the
     * audit then names "system"). The proceeds are not posted as a payment: the buyer's money reaches the loan
     * through the bank's payment file.
     */
    @Transactional
    public long recordDisposal(String loanNo, CollateralDisposal disposal, LocalDate disposedOn, String reportedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                INSERT INTO collateral_disposal (loan_no, method, proceeds, disposed_on, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, loanNo);
            insert.setString(2, disposal.method());
            insert.setBigDecimal(3, disposal.proceeds());
            insert.setObject(4, disposedOn);
            insert.setObject(5, DbTime.toDb(clock.instant()));
            insert.setString(6, reportedBy);
            return insert;
        }, keys);
        long id = keys.getKey().longValue();
        int items = jdbc.update(
            "UPDATE collateral SET status = 'DISPOSED', disposal_id = ? WHERE loan_no = ? AND status = 'HELD'", id, loanNo);
        audit.record(reportedBy, AUDIT_DISPOSED, "loan", loanNo, disposal.method() + ", proceeds "
            + disposal.proceeds().setScale(2).toPlainString() + " on " + disposedOn + ", " + items
            + (items == 1 ? " item" : " items") + " (disposal " + id + ")");
        return id;
    }

    private void requireLoan(String loanNo) {
        Integer loans = jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE loan_no = ?", Integer.class, loanNo);
        if (loans == null || loans == 0) {
            throw new NoSuchElementException("loan " + loanNo + " not found");
        }
    }
}
