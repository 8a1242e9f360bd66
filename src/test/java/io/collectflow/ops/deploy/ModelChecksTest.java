package io.collectflow.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What a process owner's redeployment is refused for, on the shipped models and on copies changed the way an audit
 * found them to break cases silently.
 */
class ModelChecksTest {

    private final ModelChecks checks = new ModelChecks(ModelContract.collectFlow(), new FeelSyntax());

    /** Every shipped model and form, as the application deploys them. */
    private static Map<String, byte[]> shipped() throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String dir : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.sorted().toList()) {
                    resources.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        return resources;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> resources, String name, String from, String to) {
        String text = new String(resources.get(name), StandardCharsets.UTF_8);
        assertThat(text).as("%s contains %s", name, from).contains(from);
        Map<String, byte[]> changed = new LinkedHashMap<>(resources);
        changed.put(name, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    @Test
    void theShippedModelsPass() throws IOException {
        assertThat(checks.problems(shipped())).isEmpty();
    }

    @Test
    void aProcessDeployedWithoutItsFormsIsRefused() throws IOException {
        Map<String, byte[]> alone = Map.of("collection-case.bpmn", shipped().get("collection-case.bpmn"));

        assertThat(checks.problems(alone)).anySatisfy(p -> assertThat(p)
            .contains("Task_CallBorrower shows the form 'call-borrower' of its own deployment")
            .contains("deploy the process together with all of its forms"));
        assertThat(checks.problems(with(shipped(), "collection-case.bpmn", "camunda:formRef=\"call-borrower\"",
            "camunda:formRef=\"call-borower\""))).anySatisfy(p -> assertThat(p).contains("'call-borower'"));
    }

    @Test
    void aFeelTypoInADecisionTableIsRefusedNamingRuleAndColumn() throws IOException {
        // the same bound appears in four rules: each is named
        List<String> problems = checks.problems(with(shipped(), "collection-strategy.dmn", "[60..90[", "[60..90"));

        assertThat(problems).hasSize(4).allSatisfy(p -> assertThat(p)
            .startsWith("collection-strategy.dmn: decision collection-strategy, rule ")
            .contains("input 'Days past due': '[60..90' is not FEEL"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("rule Rule_Expanded60To89,"));
    }

    @Test
    void elementsTheJavaCodeFindsByIdMustStay() throws IOException {
        assertThat(checks.problems(with(shipped(), "collection-case.bpmn", "SubProcess_WorkStage", "SubProcess_StageWork")))
            .anySatisfy(p -> assertThat(p).contains("must keep the element SubProcess_WorkStage").contains("stage history"));
        assertThat(checks.problems(with(shipped(), "complaint.bpmn", "Task_HandleComplaint", "Task_DecideRemedy")))
            .anySatisfy(p -> assertThat(p).contains("must keep the element Task_HandleComplaint"));
    }

    @Test
    void aTableInputTheCodeDoesNotGiveIsRefused() throws IOException {
        List<String> problems = checks.problems(with(shipped(), "work-priority.dmn", "<text>riskGrade</text>",
            "<text>product</text>"));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p).contains("input 'Risk grade' (product) gets no"
            + " value: CollectFlow evaluates this table with brokenPromises, dpd, overdueAmount, riskGrade only"));
        assertThat(checks.problems(with(shipped(), "work-priority.dmn", "<text>dpd</text>", "<text>dpd / 30</text>")))
            .as("an expression of a given variable").isEmpty();
    }

    @Test
    void moreApproversThanTheProcessAsksForAreRefused() throws IOException {
        List<String> problems = checks.problems(with(shipped(), "write-off-approval-level.dmn",
            "<outputEntry id=\"OutputEntry_SmallApprovals\"><text>1</text>",
            "<outputEntry id=\"OutputEntry_SmallApprovals\"><text>3</text>"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("output 'approvalsRequired' is 3: the process can act"
            + " on 1 or 2 only"));
    }
}
