package io.collectflow.casework.form;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;

/**
 * The zone in which a form's dates are checked ({@code disallowPassedDates}: "today"): the borrower's zone when the
 * task's process works a loan ({@code loanNo}) whose borrower has one, else the engine's default zone (the JVM's).
 *
 * <p>Why the borrower's: the dates our forms keep from the past are the borrower's dates — a promise date, the next
 * follow-up — and the case reads them in the borrower's zone (a promise is checked after the end of its date there,
 * contacts are planned in the borrower's hours). A collector working a borrower in another zone must not promise a
 * day that has already ended for the borrower, nor be refused a day that has not begun there. A task without a loan
 * (a complaint, a hotline start form) has no borrower to ask: the engine's zone, as the rest of the engine uses.
 */
@Component
public class FormZones {

    private static final Logger LOG = LoggerFactory.getLogger(FormZones.class);

    private final JdbcTemplate jdbc;

    public FormZones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The borrower's zone of the loan among the {@code variables} (a task's, a start form's), else the engine's. */
    public ZoneId of(Function<String, Object> variables) {
        Object loanNo = variables.apply(Vars.LOAN_NO);
        if (loanNo == null) {
            return ZoneId.systemDefault();
        }
        List<String> zones = jdbc.queryForList("""
            SELECT b.timezone FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id WHERE l.loan_no = ?""",
            String.class, loanNo.toString());
        if (zones.isEmpty() || zones.get(0) == null || zones.get(0).isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zones.get(0));
        } catch (DateTimeException e) {
            LOG.warn("Borrower of loan {} has an unknown time zone '{}'; form dates checked in {}", loanNo,
                zones.get(0), ZoneId.systemDefault());
            return ZoneId.systemDefault();
        }
    }
}
