package io.collectflow.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the model lint the build runs (src/lint) rejects a broken model: both linters exit
 * non-zero on src/lint/fixtures and name the offending element and rule. Skipped when Node.js
 * or the installed lint tools are absent (e.g. a build with -Dlint.skip=true).
 */
class ModelLintTest {

    private static final Path LINT_DIR = Path.of("src", "lint").toAbsolutePath();

    @BeforeAll
    static void lintToolsInstalled() throws Exception {
        assumeTrue(Files.isDirectory(LINT_DIR.resolve("node_modules/bpmnlint")),
            "lint tools not installed (run ./mvnw validate or npm --prefix src/lint ci)");
        assumeTrue(run("node", "--version").exitCode() == 0, "node not on PATH");
        if (!Files.exists(LINT_DIR.resolve("build/camunda-lint.bundle.mjs"))) {
            assertThat(run("npm", "run", "--silent", "build").exitCode()).isZero();
        }
    }

    @Test
    void bpmnlintRejectsTheBrokenModel() throws Exception {
        Result result = run("node", "node_modules/bpmnlint/bin/bpmnlint.js", "fixtures/bad.bpmn");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
            .contains("Activity_0x9f3kd", "label-required", "collectflow/meaningful-ids",
                "collectflow/user-task-form-ref", "collectflow/delegate-expression",
                "camunda-compat/history-time-to-live", "no-implicit-end", "collectflow/async-service-task");
    }

    @Test
    void camundaLintingRejectsTheBrokenModelsAndNamesFileElementAndRule() throws Exception {
        Result result = run("node", "build/camunda-lint.bundle.mjs", "fixtures");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
            .contains("fixtures/bad.bpmn: StartEvent_Untyped: error event-sub-process-typed-start-event")
            .contains("fixtures/bad.dmn: definitions: error parse")
            .contains("1 BPMN linted, 1 DMN parsed; 2 error(s)");
    }

    @Test
    void camundaLintingRejectsAModelForAnotherExecutionPlatform() throws Exception {
        Path model = Files.createTempFile("other-platform", ".bpmn");
        try {
            Files.writeString(model, Files.readString(LINT_DIR.resolve("fixtures/bad.bpmn"))
                .replace("executionPlatformVersion=\"7.24.0\"", "executionPlatformVersion=\"7.17.0\""));
            Result result = run("node", "build/camunda-lint.bundle.mjs", model.toString());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output()).contains("error execution-platform", "7.17.0");
        } finally {
            Files.delete(model);
        }
    }

    @Test
    void bothLintersAcceptTheDeployedModels() throws Exception {
        assertThat(run("node", "node_modules/bpmnlint/bin/bpmnlint.js", "../../processes/**/*.bpmn").exitCode())
            .isZero();
        assertThat(run("node", "build/camunda-lint.bundle.mjs", "../../processes").exitCode()).isZero();
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process process;
        try {
            process = new ProcessBuilder(args).directory(LINT_DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + args);
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
