package io.collectflow.casework.priority;

/**
 * processes/work-priority.dmn: how urgent a collector's task of a case is, 0–100 points (a score card: the table
 * adds up the points of every row that matches). Tasklist sorts a queue by it (sort by priority, descending).
 */
public interface WorkPriority {

    String DECISION_KEY = "work-priority";
    /** Camunda's default task priority; kept when no row of the table matches. */
    int DEFAULT = 50;

    int points(Input input);

    /**
     * What the table reads from the case.
     *
     * @param riskGrade {@code LOW}, {@code MEDIUM}, {@code HIGH}; null before the first scoring
     */
    record Input(int dpd, double overdueAmount, String riskGrade, int brokenPromises) {
    }
}
