package io.collectflow.casework.stage;

import java.util.List;

import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Stages;

/**
 * The escalation order of the stages. A bucket change only ever moves a case forward: a collector
 * who already escalated is not pulled back because the days past due dropped a little.
 */
@Component("collectionStages")
public class CollectionStages {

    static final List<String> ORDER = List.of(Stages.FIRST_LINE, Stages.SECOND_LINE, Stages.AGENCY, Stages.LEGAL,
        Stages.WRITE_OFF);

    /**
     * Is {@code candidate} a later stage than {@code current}? An unknown stage is never later, and a
     * case that has not reached any stage yet ({@code current} null, still in preparation) is never
     * moved: it routes with the fresh figures when it gets there.
     */
    public boolean isLater(String candidate, String current) {
        return current != null && rank(candidate) > rank(current);
    }

    int rank(String stage) {
        return stage == null ? -1 : ORDER.indexOf(stage);
    }
}
