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
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.util.Either;

/**
 * Camunda's FEEL engine (feel-scala, as {@link ScalaFeelEngine} sets it up: same value mappers, same
 * function providers, same variable contexts), without two costs feel-scala pays on every evaluation: it
 * parses the text again, and it builds its table of built-in functions again (several hundred function
 * values). Here an expression or unary test is parsed once and its syntax tree reused, and the built-in
 * functions are built once per engine; each evaluation gets its own context and failure collector, as in
 * feel-scala. A decision table evaluates every input entry of every rule it tries, so these two were most
 * of the cost of a decision (the strategy table on a new case, the risk rules after every contact).
 *
 * <p>Syntax trees, built-in functions and the interpreter are immutable and shared between threads. A text
 * that does not parse is not cached: its evaluation fails with feel-scala's message, as before. Evaluation
 * failures carry feel-scala's messages too. The cache holds the texts of deployed decisions; it is emptied
 * when it exceeds {@link #MAX_ENTRIES} (many redeployments).
 */
public class CachingFeelEngine extends ScalaFeelEngine {

    static final int MAX_ENTRIES = 20_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();
    private final ValueMapper valueMapper;
    private final FunctionProvider functions;
    private final FeelInterpreter interpreter;

    public CachingFeelEngine() {
        super(new ArrayList<>());
        valueMapper = feelEngine.valueMapper();
        functions = new CompositeFunctionProvider(
            toScalaList(new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider()));
        interpreter = new FeelInterpreter(valueMapper);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        return (T) evaluate(parsed, context(new ContextVariableWrapper(variables)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        VariableProvider input = new StaticVariableProvider(new Map1<>(INPUT_VARIABLE_NAME, inputVariable));
        VariableProvider all = new CompositeVariableProvider(
            toScalaList(input, new ContextVariableWrapper(variables)));
        return Boolean.TRUE.equals(evaluate(parsed, context(all)));
    }

    /** Number of distinct texts parsed so far (expressions and unary tests). */
    public int cachedCount() {
        return expressions.size() + unaryTests.size();
    }

    /** What feel-scala's {@code FeelEngine.eval(ParsedExpression, Context)} does, with the built-in functions built once. */
    private Object evaluate(ParsedExpression parsed, Context context) {
        EvalContext evalContext = EvalContext.create(valueMapper, functions).merge(context);
        Val value;
        try {
            value = interpreter.eval(parsed.expression(), evalContext);
        } catch (RuntimeException e) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "' : " + e);
        }
        Iterator<EvaluationFailure> failures = evalContext.failureCollector().failures().iterator();
        while (failures.hasNext()) {
            EvaluationFailure failure = failures.next();
            if (EvaluationFailureType.ASSERT_FAILURE$.MODULE$.equals(failure.failureType())) {
                throw LOGGER.evaluationException("Assertion failure on evaluate the expression '" + parsed.text()
                    + "': " + failure.failureMessage());
            }
        }
        String error = value instanceof ValError e ? e.error() : value instanceof ValFatalError f ? f.error() : null;
        if (error != null) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + parsed.text() + "': " + error);
        }
        return valueMapper.unpackVal(value);
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String text,
                                           Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.get(text);
        if (known != null) {
            return known;
        }
        Either<Failure, ParsedExpression> result = parser.apply(text);
        if (result.isLeft()) {
            throw LOGGER.evaluationException(result.left().toOption().get().message());
        }
        ParsedExpression parsed = result.toOption().get();
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(text, parsed);
        return parsed;
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
