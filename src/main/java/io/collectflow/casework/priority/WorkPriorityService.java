package io.collectflow.casework.priority;

import org.springframework.stereotype.Service;

import io.collectflow.loan.view.LoanViewService;

/**
 * Scores a case's next collector task: the loan's days past due and overdue amount as of the last delinquency scan
 * (the case's own {@code dpd} variable changes only with the bucket), with the case's risk grade and broken promises.
 */
@Service
public class WorkPriorityService {

    private final WorkPriority table;
    private final LoanViewService loans;

    public WorkPriorityService(WorkPriority table, LoanViewService loans) {
        this.table = table;
        this.loans = loans;
    }

    /** The table's points; {@link WorkPriority#DEFAULT} for a loan the book does not know. */
    public int points(String loanNo, String riskGrade, int brokenPromises) {
        return loans.standing(loanNo)
            .map(s -> table.points(new WorkPriority.Input(s.dpd(), s.overdueAmount().doubleValue(), riskGrade,
                brokenPromises)))
            .orElse(WorkPriority.DEFAULT);
    }
}
