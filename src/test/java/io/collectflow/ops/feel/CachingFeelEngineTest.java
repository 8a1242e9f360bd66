package io.collectflow.ops.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The caching FEEL engine must answer exactly as Camunda's own: the same unary tests and expressions, the same
 * errors, and every decision table under {@code processes/} the same result for the same inputs.
 */
class CachingFeelEngineTest {

    private final ScalaFeelEngine camunda = new ScalaFeelEngine(new ArrayList<>());
    private final CachingFeelEngine cached = new CachingFeelEngine();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "[0..30)|15", "[0..30)|30", ">= 90|90", "< 90|89.5", "not(\"M1\", \"M2\")|M3", "\"M1\", \"M2\"|M2",
        "-|anything", "[1..5], > 100|101", "null|''", "\"consumer\"|mortgage"})
    void unaryTestsAnswerAsCamundaDoes(String test, String input) {
        Object value = input.matches("-?\\d+(\\.\\d+)?") ? (Object) Double.valueOf(input) : input.isEmpty() ? null : input;
        VariableContext variables = Variables.createVariables().putValue("cellInput", value).asVariableContext();
        for (int i = 0; i < 3; i++) {
            assertThat(cached.evaluateSimpleUnaryTests(test, "cellInput", variables))
                .isEqualTo(camunda.evaluateSimpleUnaryTests(test, "cellInput", variables));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "expectedRecovery - estimatedLegalCost", "if dpd > 90 then \"M4\" else \"M1\"", "dpd * 2 + 1",
        "date(\"2026-11-28\") + duration(\"P3D\")", "string length(product)", "[dpd, 1, 2][1]", "missing",
        "now() != null", "sum([1, 2, dpd])", "\"a\" + 1", "date(\"nonsense\")", "noSuchFunction(dpd)",
        "assert(dpd, dpd < 10)", "assert(dpd, dpd > 10)", "product.length"})
    void expressionsAnswerAsCamundaDoes(String expression) {
        VariableContext variables = Variables.createVariables().putValue("expectedRecovery", 1500.5)
            .putValue("estimatedLegalCost", 300).putValue("dpd", 95).putValue("product", "consumer").asVariableContext();
        String expected = outcomeOf(() -> camunda.evaluateSimpleExpression(expression, variables));
        assertThat(outcomeOf(() -> cached.evaluateSimpleExpression(expression, variables))).isEqualTo(expected);
        assertThat(outcomeOf(() -> cached.evaluateSimpleExpression(expression, variables))).isEqualTo(expected);
        if (expression.startsWith("date(\"2026")) {
            assertThat(expected).isEqualTo("value " + LocalDate.of(2026, 12, 1));
        }
    }

    @Test
    void parsesEachTextOnce() {
        VariableContext variables = Variables.createVariables().putValue("x", 4).asVariableContext();
        for (int i = 0; i < 5; i++) {
            cached.evaluateSimpleUnaryTests("[1..5]", "x", variables);
            cached.evaluateSimpleExpression("x + 1", variables);
        }
        assertThat(cached.cachedCount()).isEqualTo(2);
    }

    @Test
    void aTextThatDoesNotParseFailsWithFeelScalasMessageAndIsNotKept() {
        VariableContext variables = Variables.createVariables().putValue("x", 4).asVariableContext();
        String camundaMessage = messageOf(() -> camunda.evaluateSimpleUnaryTests("[1..", "x", variables));
        assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests("[1..", "x", variables))
            .isInstanceOf(FeelException.class).hasMessage(camundaMessage);
        assertThatThrownBy(() -> cached.evaluateSimpleExpression("x +", variables)).isInstanceOf(FeelException.class)
            .hasMessageContaining("failed to parse expression");
        assertThat(cached.cachedCount()).isZero();
    }

    @Test
    void everyDecisionTableDecidesAsWithCamundasEngine() throws IOException {
        DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration caching = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration();
        caching.setFeelEngineFactory(CachingFeelEngine::new);
        DmnEngine withCache = caching.buildEngine();
        Random random = new Random(20261128);
        int compared = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
                List<DmnDecision> decisions = parse(plain, file);
                List<DmnDecision> cachedDecisions = parse(withCache, file);
                for (int d = 0; d < decisions.size(); d++) {
                    if (!(decisions.get(d).getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
                        continue;
                    }
                    for (int run = 0; run < 200; run++) {
                        Map<String, Object> inputs = randomInputs(table, random);
                        assertThat(outcome(withCache, cachedDecisions.get(d), inputs))
                            .as("%s %s with %s", file.getFileName(), decisions.get(d).getKey(), inputs)
                            .isEqualTo(outcome(plain, decisions.get(d), inputs));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(7 * 200);
    }

    private static List<DmnDecision> parse(DmnEngine engine, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return engine.parseDecisions(in);
        }
    }

    private static String outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
        try {
            return String.valueOf(engine.evaluateDecisionTable(decision, inputs).getResultList());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    /** Random values for every variable an input expression names: numbers near the rules' bounds, the rules' strings. */
    private static Map<String, Object> randomInputs(DmnDecisionTableImpl table, Random random) {
        Map<String, Object> inputs = new TreeMap<>();
        for (int i = 0; i < table.getInputs().size(); i++) {
            DmnDecisionTableInputImpl input = table.getInputs().get(i);
            DmnExpressionImpl expression = input.getExpression();
            String type = expression.getTypeDefinition().getTypeName();
            Set<String> words = new LinkedHashSet<>();
            for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                Matcher strings = STRING.matcher(String.valueOf(rule.getConditions().get(i).getExpression()));
                while (strings.find()) {
                    words.add(strings.group(1));
                }
            }
            Matcher names = NAME.matcher(expression.getExpression());
            while (names.find()) {
                inputs.put(names.group(), value(type, new ArrayList<>(words), random));
            }
        }
        return inputs;
    }

    private static Object value(String type, List<String> words, Random random) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        return switch (String.valueOf(type)) {
            case "integer", "long" -> random.nextInt(400) - 10;
            case "double" -> Math.round(random.nextDouble() * 200_000) / 100.0;
            case "boolean" -> random.nextBoolean();
            default -> words.isEmpty() || random.nextInt(6) == 0 ? "other" : words.get(random.nextInt(words.size()));
        };
    }

    private static String outcomeOf(java.util.function.Supplier<Object> evaluation) {
        try {
            return "value " + evaluation.get();
        } catch (FeelException e) {
            return "failure " + e.getMessage();
        }
    }

    private static String messageOf(Runnable evaluation) {
        try {
            evaluation.run();
            return "no failure";
        } catch (FeelException e) {
            return e.getMessage();
        }
    }
}
