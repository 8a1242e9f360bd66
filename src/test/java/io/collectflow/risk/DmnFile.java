package io.collectflow.risk;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;

/** One decision table (of processes/ by default) on the standalone DMN engine, remembering which rules matched. */
public final class DmnFile {

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final List<String> matched = new ArrayList<>();
    private final Set<String> hit = new HashSet<>();

    public DmnFile(String key) {
        this(key, Path.of("processes", key + ".dmn"));
    }

    /** The decision {@code key} of the DMN file at {@code path} (e.g. an example table under src/test/resources). */
    public DmnFile(String key, Path path) {
        DefaultDmnEngineConfiguration configuration =
            (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(
            (DmnDecisionTableEvaluationEvent event) -> event.getMatchingRules().forEach(r -> matched.add(r.getId()))));
        engine = configuration.buildEngine();
        try (InputStream in = Files.newInputStream(path)) {
            decision = engine.parseDecision(key, in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Evaluates and returns the single result (for a COLLECT table with an aggregation: the aggregate) with the ids
     * of the matching rules; {@code rule} is the first of them.
     */
    public synchronized Result evaluate(Map<String, Object> input) {
        matched.clear();
        DmnDecisionRuleResult entries = engine.evaluateDecisionTable(decision, input).getSingleResult();
        String rule = matched.isEmpty() ? null : matched.get(0);
        hit.addAll(matched);
        return new Result(rule, List.copyOf(matched), entries);
    }

    /** Rule ids of the table no evaluation matched so far. */
    public Set<String> untestedRules() {
        return ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
            .map(r -> r.getId()).filter(id -> !hit.contains(id)).collect(Collectors.toSet());
    }

    public record Result(String rule, List<String> rules, DmnDecisionRuleResult entries) {
        public Object get(String name) {
            return entries.getEntry(name);
        }
    }
}
