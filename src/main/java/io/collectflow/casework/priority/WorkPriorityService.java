package io.collectflow.casework.priority;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Scores a case's next collector task: the loan's days past due and overdue amount as of the last delinquency scan
 * (the case's own {@code dpd} variable changes only with the bucket), with the case's risk grade and broken promises.
 */
@Service
public class WorkPriorityService {

    private final WorkPriority table;
    private final JdbcTemplate jdbc;

    public WorkPriorityService(WorkPriority table, JdbcTemplate jdbc) {
        this.table = table;
        this.jdbc = jdbc;
    }

    /** The table's points; {@link WorkPriority#DEFAULT} for a loan the book does not know. */
    public int points(String loanNo, String riskGrade, int brokenPromises) {
        List<WorkPriority.Input> standing = jdbc.query("SELECT dpd, overdue_amount FROM loan WHERE loan_no = ?",
            (rs, row) -> new WorkPriority.Input(rs.getInt("dpd"), amount(rs.getBigDecimal("overdue_amount")), riskGrade,
                brokenPromises), loanNo);
        return standing.isEmpty() ? WorkPriority.DEFAULT : table.points(standing.get(0));
    }

    private static double amount(BigDecimal overdue) {
        return overdue == null ? 0 : overdue.doubleValue();
    }
}
