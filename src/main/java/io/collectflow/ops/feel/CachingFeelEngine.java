package io.collectflow.ops.feel;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.util.Either;

/**
 * Camunda's FEEL engine (feel-scala, as {@link ScalaFeelEngine} sets it up: same value mappers, same
 * function providers, same variable contexts) with one difference: an expression or unary test is parsed
 * once and its syntax tree reused, where {@link ScalaFeelEngine} parses the text on every evaluation. A
 * decision table evaluates every input entry of every rule it tries, so parsing was most of the cost of
 * a decision (the strategy table on a new case, the risk rules after every contact).
 *
 * <p>Parsed expressions are immutable and shared between threads. An expression that does not parse is
 * not cached: its evaluation fails with feel-scala's message, as before. The cache holds the texts of
 * deployed decisions; it is emptied when it exceeds {@link #MAX_ENTRIES} (many redeployments).
 */
public class CachingFeelEngine extends ScalaFeelEngine {

    static final int MAX_ENTRIES = 20_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public CachingFeelEngine() {
        super(new ArrayList<>());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        return (T) valueOf(feelEngine.eval(parsed, context(new ContextVariableWrapper(variables))));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        VariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        VariableProvider all = new CompositeVariableProvider(
            toScalaList(input, new ContextVariableWrapper(variables)));
        return Boolean.TRUE.equals(valueOf(feelEngine.eval(parsed, context(all))));
    }

    /** Number of distinct texts parsed so far (expressions and unary tests). */
    public int cachedCount() {
        return expressions.size() + unaryTests.size();
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String text,
                                           Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.get(text);
        if (known != null) {
            return known;
        }
        ParsedExpression parsed = (ParsedExpression) valueOf(parser.apply(text));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(text, parsed);
        return parsed;
    }

    private static Object valueOf(Either<Failure, ?> result) {
        if (result.isRight()) {
            return result.toOption().get();
        }
        throw LOGGER.evaluationException(result.left().toOption().get().message());
    }

    private static Context context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }
}
