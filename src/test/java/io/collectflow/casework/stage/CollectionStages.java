package io.collectflow.casework.stage;

import java.util.List;

import io.collectflow.casework.CollectionCase.Stages;

/**
 * The escalation order of the stages as the collection case's gateways once computed it in Java
 * ({@code collectionStages.isLater}): the tests' record of the rule that processes/strategy-stage-change.dmn and
 * processes/lost-borrower-legal-handover.dmn now hold, so the tables are shown to decide every stage as it did. A
 * bucket change only ever moves a case forward: a collector who already escalated is not pulled back because the days
 * past due dropped a little.
 */
class CollectionStages {

    static final List<String> ORDER = List.of(Stages.FIRST_LINE, Stages.SECOND_LINE, Stages.AGENCY, Stages.LEGAL,
        Stages.WRITE_OFF);

    /**
     * Is {@code candidate} a later stage than {@code current}? An unknown stage is never later, and a
     * case that has not reached any stage yet ({@code current} null, still in preparation) is never
     * moved: it routes with the fresh figures when it gets there.
     */
    boolean isLater(String candidate, String current) {
        return current != null && rank(candidate) > rank(current);
    }

    int rank(String stage) {
        return stage == null ? -1 : ORDER.indexOf(stage);
    }
}
