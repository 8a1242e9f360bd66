package io.collectflow.contact.compliance;

import java.time.Clock;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.contact.DbTime;

/**
 * Sets and clears the flags that stop all contact (deceased, disputed, complaint open). Other features
 * (complaints, legal, collectors' forms) call these methods; every change is kept in borrower_flag_event.
 */
@Service
public class BorrowerFlagService {

    private final JdbcClient jdbc;
    private final BorrowerDirectory directory;
    private final Clock clock;

    public BorrowerFlagService(JdbcClient jdbc, BorrowerDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** Sets the flag (no-op when already set); returns true when it changed. */
    @Transactional
    public boolean set(String borrowerId, BorrowerFlag flag, String actor, String reason) {
        requireBorrower(borrowerId);
        if (directory.flags(borrowerId).contains(flag)) {
            return false;
        }
        jdbc.sql("INSERT INTO borrower_flag (borrower_id, flag, reason, set_by, set_at) VALUES (:b, :f, :r, :a, :t)")
            .param("b", borrowerId).param("f", flag.name()).param("r", reason).param("a", actor)
            .param("t", DbTime.toDb(clock.instant())).update();
        event(borrowerId, flag, "SET", actor, reason);
        return true;
    }

    /** Clears the flag (no-op when not set); returns true when it changed. */
    @Transactional
    public boolean clear(String borrowerId, BorrowerFlag flag, String actor, String reason) {
        requireBorrower(borrowerId);
        int removed = jdbc.sql("DELETE FROM borrower_flag WHERE borrower_id = :b AND flag = :f")
            .param("b", borrowerId).param("f", flag.name()).update();
        if (removed == 0) {
            return false;
        }
        event(borrowerId, flag, "CLEARED", actor, reason);
        return true;
    }

    public boolean setDeceased(String borrowerId, String actor, String reason) {
        return set(borrowerId, BorrowerFlag.DECEASED, actor, reason);
    }

    public boolean setDisputed(String borrowerId, String actor, String reason) {
        return set(borrowerId, BorrowerFlag.DISPUTED, actor, reason);
    }

    public boolean clearDisputed(String borrowerId, String actor, String reason) {
        return clear(borrowerId, BorrowerFlag.DISPUTED, actor, reason);
    }

    public boolean openComplaint(String borrowerId, String actor, String reason) {
        return set(borrowerId, BorrowerFlag.COMPLAINT_OPEN, actor, reason);
    }

    public boolean closeComplaint(String borrowerId, String actor, String reason) {
        return clear(borrowerId, BorrowerFlag.COMPLAINT_OPEN, actor, reason);
    }

    public Set<BorrowerFlag> flags(String borrowerId) {
        return directory.flags(borrowerId);
    }

    private void requireBorrower(String borrowerId) {
        Integer count = jdbc.sql("SELECT COUNT(*) FROM borrower WHERE borrower_id = :b").param("b", borrowerId)
            .query(Integer.class).single();
        if (count == 0) {
            throw new IllegalArgumentException("unknown borrower '" + borrowerId + "'");
        }
    }

    private void event(String borrowerId, BorrowerFlag flag, String action, String actor, String reason) {
        jdbc.sql("""
                INSERT INTO borrower_flag_event (borrower_id, flag, action, reason, actor, occurred_at)
                VALUES (:b, :f, :action, :r, :a, :t)
                """)
            .param("b", borrowerId).param("f", flag.name()).param("action", action).param("r", reason)
            .param("a", actor).param("t", DbTime.toDb(clock.instant())).update();
    }
}
