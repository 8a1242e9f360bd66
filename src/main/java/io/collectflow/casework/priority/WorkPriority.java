package io.collectflow.casework.priority;

import java.time.Duration;
import java.util.Date;
import java.util.Set;

/**
 * processes/work-priority.dmn: how urgent a collector's task of a case is, in points (a score card: the table adds
 * up the points of every row that matches). The points are the task's priority, and set its due date: {@link
 * #DUE_AT_ONCE} − points hours after its creation, so a queue sorted by due date puts urgent tasks first without
 * letting a low-scored one wait for ever. A re-scored task keeps a later due date the guard gave it ({@link
 * #rescoredDueDate}).
 */
public interface WorkPriority {

    String DECISION_KEY = "work-priority";
    /** The variables the table is evaluated with ({@link DmnWorkPriority}); a table input must use one of them. */
    Set<String> INPUTS = Set.of("dpd", "overdueAmount", "riskGrade", "brokenPromises");
    /** Camunda's default task priority; kept when no row of the table matches. */
    int DEFAULT = 50;
    /** The points at which a task is due at once; each point less is one hour more to work it. */
    int DUE_AT_ONCE = 100;

    int points(Input input);

    /** How long after its creation a task of {@code points} is due. */
    static Duration dueAfter(int points) {
        return Duration.ofHours(Math.max(0, DUE_AT_ONCE - points));
    }

    /** The due date of a task of {@code points} created at {@code created}. */
    static Date dueDate(Date created, int points) {
        return Date.from(created.toInstant().plus(dueAfter(points)));
    }

    /**
     * The due date of a task created at {@code created} and scored {@code oldPoints} when it is re-scored to {@code
     * points}: that of the new points, unless the task is due later than its old points made it — moved on to the
     * moment the compliance guard lets it be worked (a claim while contact was blocked, a refused completion), or
     * postponed by a person — and later than the new points' date too: then it keeps its due date. A re-score never
     * makes a task due at a moment it could not be worked.
     *
     * @param due the task's due date now; null when it has none
     */
    static Date rescoredDueDate(Date created, int oldPoints, Date due, int points) {
        Date rescored = dueDate(created, points);
        boolean madeDueLater = due != null && due.after(dueDate(created, oldPoints));
        return madeDueLater && due.after(rescored) ? due : rescored;
    }

    /**
     * What the table reads from the case.
     *
     * @param riskGrade {@code LOW}, {@code MEDIUM}, {@code HIGH}; null before the first scoring
     */
    record Input(int dpd, double overdueAmount, String riskGrade, int brokenPromises) {
    }
}
