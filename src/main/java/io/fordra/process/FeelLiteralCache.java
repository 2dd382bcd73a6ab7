package io.fordra.process;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The decision tables' FEEL without re-evaluating what cannot change. The FEEL engine of Camunda 7.24 (feel-scala
 * 1.19.3) parsed every cell and built its whole table of built-in functions again for every cell it evaluated: the
 * channel decision of one sending (two tables, about 40 cells) took two thirds of the CPU of the sending job (JFR,
 * billing-run benchmark), about 5 ms. feel-scala 1.19.5 (pom.xml) builds the functions once (0.9 ms), but still
 * parses every cell on every evaluation (camunda/feel-scala#1149); with this cache the decision takes 0.3 ms. Most cells hold only literals ({@code "EMAIL","PRINT"}, {@code -}, {@code >= 3},
 * {@code "the customer's channel"}) or name one input ({@code documentKind}); their result is a function of the
 * cell's text and the input value, so it is kept after the first real evaluation. Every other expression (names of
 * variables, function calls, dates) goes to the FEEL engine as before. The tables and their semantics are unchanged:
 * each distinct cell and input value is still evaluated once by the real engine, and history records the same.
 */
@Component
public class FeelLiteralCache extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() == null && !dmn.isEnableFeelLegacyBehavior()) {
      // The engine sets its custom function providers on this configuration before it creates the FEEL engine.
      dmn.setFeelEngineFactory(() -> new CachingFeelEngine(
          new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance()));
    }
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** Keeps the results of literal cells; hands everything else to the engine it wraps. */
  static final class CachingFeelEngine implements FeelEngine {

    /** Bounds the memory: tables have few distinct cells, inputs few distinct values (kinds, channels, levels). */
    static final int MAX_ENTRIES = 10_000;

    private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"\\\\]*\"");
    /** After string literals and the words below are taken out: numbers, comparisons, ranges, lists, "-". */
    private static final Pattern LITERAL_REST = Pattern.compile("[\\s0-9.,<>=!\\-\\[\\]()]*");
    private static final Pattern LITERAL_WORDS = Pattern.compile("\\b(?:not|true|false|null)\\b");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then",
        "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function");

    private final FeelEngine feel;
    private final Map<UnaryTest, Boolean> unaryTests = new ConcurrentHashMap<>();
    private final Map<String, Object> constants = new ConcurrentHashMap<>();
    private final Map<String, Boolean> literal = new ConcurrentHashMap<>();

    CachingFeelEngine(FeelEngine feel) {
      this.feel = feel;
    }

    private record UnaryTest(String expression, Object input) {}

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
      Object input = value(context, inputVariable);
      if (!isLiteral(expression) || !isPlainValue(input)) {
        return feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
      }
      UnaryTest key = new UnaryTest(expression, input);
      Boolean known = unaryTests.get(key);
      if (known != null) {
        return known;
      }
      boolean result = feel.evaluateSimpleUnaryTests(expression, inputVariable, context);
      if (unaryTests.size() < MAX_ENTRIES) {
        unaryTests.put(key, result);
      }
      return result;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
      String name = expression.trim();
      if (NAME.matcher(name).matches() && !KEYWORDS.contains(name)) {
        // One input by its name: a text, yes/no or an empty (null) input is what FEEL gives back for it; anything
        // else (numbers, dates, a name that is not there) goes to FEEL.
        Object value = value(context, name);
        if (value instanceof String || value instanceof Boolean || (value == null && context.containsVariable(name))) {
          return (T) value;
        }
        return feel.evaluateSimpleExpression(expression, context);
      }
      if (!isLiteral(expression)) {
        return feel.evaluateSimpleExpression(expression, context);
      }
      Object known = constants.get(expression);
      if (known != null) {
        return (T) known;
      }
      T result = feel.evaluateSimpleExpression(expression, context);
      if (isPlainValue(result) && result != null && constants.size() < MAX_ENTRIES) {
        constants.put(expression, result);
      }
      return result;
    }

    /** Only literals: no name of a variable or function, so the result depends on the input value alone. */
    boolean isLiteral(String expression) {
      Boolean known = literal.get(expression);
      if (known != null) {
        return known;
      }
      String rest = LITERAL_WORDS.matcher(STRING_LITERAL.matcher(expression).replaceAll("")).replaceAll("");
      boolean result = LITERAL_REST.matcher(rest).matches();
      if (literal.size() < MAX_ENTRIES) {
        literal.put(expression, result);
      }
      return result;
    }

    private static Object value(VariableContext context, String name) {
      if (name == null || !context.containsVariable(name)) {
        return null;
      }
      TypedValue typed = context.resolve(name);
      return typed == null ? null : typed.getValue();
    }

    /** Values with a stable equals that FEEL compares by value. */
    private static boolean isPlainValue(Object value) {
      return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
          || value instanceof Long || value instanceof Short || value instanceof BigDecimal;
    }
  }
}
