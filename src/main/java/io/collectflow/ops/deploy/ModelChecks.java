package io.collectflow.ops.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks one deployment's resources the way the running system will use them, so a process owner's mistake is told
 * at deployment instead of breaking cases later: every Camunda Form a BPMN binds "deployment"-wise is in the same
 * deployment; every FEEL text of a decision table parses; and the {@link ModelContract} holds (elements our Java
 * code finds by id, the variables it evaluates a table with, output values a process can act on).
 */
final class ModelChecks {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelContract contract;
    private final FeelSyntax feel;

    ModelChecks(ModelContract contract, FeelSyntax feel) {
        this.contract = contract;
        this.feel = feel;
    }

    /** The problems of the resources of one deployment (name → content); none when it may be deployed. */
    List<String> problems(Map<String, byte[]> resources) {
        List<String> problems = new ArrayList<>();
        Set<String> forms = formIds(resources, problems);
        resources.forEach((name, bytes) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
                checkProcess(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)), forms, problems);
            } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                checkDecisions(name, Dmn.readModelFromStream(new ByteArrayInputStream(bytes)), problems);
            }
        });
        return problems;
    }

    private static Set<String> formIds(Map<String, byte[]> resources, List<String> problems) {
        Set<String> ids = new HashSet<>();
        resources.forEach((name, bytes) -> {
            if (name.toLowerCase(Locale.ROOT).endsWith(".form")) {
                try {
                    JsonNode id = JSON.readTree(bytes).get("id");
                    if (id != null && id.isTextual()) {
                        ids.add(id.asText());
                    }
                } catch (IOException e) {
                    problems.add(name + ": not a Camunda Form (JSON): " + e.getMessage());
                }
            }
        });
        return ids;
    }

    private void checkProcess(String file, BpmnModelInstance model, Set<String> forms, List<String> problems) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            for (ModelContract.RequiredElement required : contract.requiredElements().getOrDefault(process.getId(), List.of())) {
                if (model.getModelElementById(required.id()) == null) {
                    problems.add(file + ": process " + process.getId() + " must keep the element " + required.id()
                        + " (" + required.usedFor() + ")");
                }
            }
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
            String binding = element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
            if (formRef != null && "deployment".equals(binding) && !forms.contains(formRef)) {
                problems.add(file + ": " + element.getId() + " shows the form '" + formRef + "' of its own deployment,"
                    + " which this deployment does not contain: deploy the process together with all of its forms");
            }
        }
    }

    private void checkDecisions(String file, DmnModelInstance model, List<String> problems) {
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (!(decision.getExpression() instanceof DecisionTable table)) {
                continue;
            }
            String where = file + ": decision " + decision.getId();
            List<Input> inputs = new ArrayList<>(table.getInputs());
            List<Output> outputs = new ArrayList<>(table.getOutputs());
            Set<String> given = contract.decisionInputs().get(decision.getId());
            for (Input input : inputs) {
                String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                    : input.getInputExpression().getText().getTextContent();
                if (feel(input.getInputExpression() == null ? null : input.getInputExpression().getExpressionLanguage())
                        && !text.isBlank()) {
                    feel.expressionProblem(text).ifPresent(p -> problems.add(where + ", input '" + label(input)
                        + "': '" + text + "' is not FEEL: " + p));
                }
                if (given != null && given.stream().noneMatch(name -> mentions(text, name))) {
                    problems.add(where + ", input '" + label(input) + "' (" + text + ") gets no value: CollectFlow"
                        + " evaluates this table with " + String.join(", ", new TreeSet<>(given)) + " only");
                }
            }
            for (Rule rule : table.getRules()) {
                List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
                for (int i = 0; i < entries.size(); i++) {
                    String text = text(entries.get(i));
                    if (feel(entries.get(i).getExpressionLanguage()) && !text.isBlank()) {
                        String column = i < inputs.size() ? label(inputs.get(i)) : "#" + (i + 1);
                        feel.unaryTestsProblem(text).ifPresent(p -> problems.add(where + ", rule " + rule.getId()
                            + ", input '" + column + "': '" + text + "' is not FEEL: " + p));
                    }
                }
                List<OutputEntry> results = new ArrayList<>(rule.getOutputEntries());
                for (int i = 0; i < results.size() && i < outputs.size(); i++) {
                    checkOutput(where, rule, outputs.get(i), results.get(i), decision.getId(), problems);
                }
            }
        }
    }

    private void checkOutput(String where, Rule rule, Output output, OutputEntry entry, String decisionKey,
                             List<String> problems) {
        String text = text(entry);
        if (text.isBlank()) {
            return;
        }
        if (feel(entry.getExpressionLanguage())) {
            feel.expressionProblem(text).ifPresent(p -> problems.add(where + ", rule " + rule.getId() + ", output '"
                + output.getName() + "': '" + text + "' is not FEEL: " + p));
        }
        Set<String> allowed = contract.allowedOutputs().getOrDefault(decisionKey, Map.of()).get(output.getName());
        if (allowed != null && !allowed.contains(text.strip())) {
            problems.add(where + ", rule " + rule.getId() + ", output '" + output.getName() + "' is " + text.strip()
                + ": the process can act on " + String.join(" or ", new TreeSet<>(allowed)) + " only");
        }
    }

    private static boolean feel(String language) {
        return language == null || language.toLowerCase(Locale.ROOT).contains("feel");
    }

    private static boolean mentions(String expression, String variable) {
        return Pattern.compile("\\b" + Pattern.quote(variable) + "\\b").matcher(expression).find();
    }

    private static String text(ModelElementInstance entry) {
        Optional<String> content = entry.getChildElementsByType(Text.class).stream()
            .findFirst().map(ModelElementInstance::getTextContent);
        return content.orElse("");
    }

    private static String label(Input input) {
        return input.getLabel() != null ? input.getLabel() : input.getId();
    }
}
