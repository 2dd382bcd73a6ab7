package io.fordra.deployment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;

/**
 * Judges the expressions (JUEL, as the engine reads them) in a model, on the syntax tree of Camunda's own parser:
 * <ul>
 *   <li>a delegate expression is exactly {@code ${step}}, a step being one of {@link ModelBeans#isStep Fordra's
 *       delegates and listeners};</li>
 *   <li>any other expression only reads process variables and compares or computes with them: literals, variable
 *       names, property reads ({@code dunningStep.action}, never a {@code class} property), operators and
 *       {@code empty}. It names no Spring bean and no engine object, calls no function and no method, except
 *       {@code ${bean.method()}} and {@code ${bean.method(execution)}} on a {@link ModelFunctions} bean, and reads
 *       {@code execution.processBusinessKey}.</li>
 * </ul>
 * A reason is returned for what is refused, in words for the process owner.
 */
class ModelExpressions {

  /** What the engine resolves before variables: the objects that lead to its services and to Java. */
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask");
  private static final String EXECUTION = "execution";
  private static final String BUSINESS_KEY = "processBusinessKey";

  private final ModelBeans beans;

  public ModelExpressions(ModelBeans beans) {
    this.beans = beans;
  }

  /** Whether the engine would evaluate this text as an expression (else it is a literal). */
  public static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  /** Why a delegate expression is refused; empty when it names one of Fordra's steps. */
  public Optional<String> refuseDelegate(String text) {
    Optional<Tree> tree = parse(text);
    if (tree.isEmpty()) {
      return Optional.of("is not an expression the engine can read");
    }
    Node root = tree.get().getRoot();
    if (root instanceof AstEval && root.getChild(0) instanceof AstIdentifier identifier
        && beans.isStep(identifier.getName())) {
      return Optional.empty();
    }
    return Optional.of("a delegate expression must be ${step} where step is one of Fordra's delegates or listeners");
  }

  /** Why a (non-delegate) expression is refused; empty when it only reads variables and calls model functions. */
  public Optional<String> refuseValue(String text) {
    return parse(text).map(tree -> judge(tree.getRoot()))
        .orElse(Optional.of("is not an expression the engine can read"));
  }

  private static Optional<Tree> parse(String text) {
    try {
      // the same features as the engine's parser: method invocations and varargs
      return Optional.of(new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private Optional<String> judge(Node node) {
    if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
        || node instanceof AstBoolean || node instanceof AstNull) {
      return Optional.empty();
    }
    if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
        || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice) {
      return children(node).map(this::judge).flatMap(Optional::stream).findFirst();
    }
    if (node instanceof AstIdentifier identifier) {
      return judgeName(identifier.getName());
    }
    if (node instanceof AstDot dot) {
      return judgeProperty(dot.getChild(0), propertyOf(dot));
    }
    if (node instanceof AstBracket bracket) {
      Node property = bracket.getChild(1);
      if (property instanceof AstNumber) {
        return judge(bracket.getChild(0));
      }
      if (property instanceof AstString name) {
        return judgeProperty(bracket.getChild(0), String.valueOf(name.eval(null, null)));
      }
      return Optional.of("reads a property whose name is computed");
    }
    if (node instanceof AstMethod method) {
      return judgeCall(method);
    }
    if (node instanceof AstFunction function) {
      return Optional.of("calls the function " + function.getName() + "()");
    }
    return Optional.of("uses " + node + ", which is not on the gate's list");
  }

  private Optional<String> judgeName(String name) {
    if (ENGINE_OBJECTS.contains(name)) {
      return Optional.of("uses the engine object " + name
          + " (only execution.processBusinessKey, or execution as the argument of a model function)");
    }
    if (beans.isBean(name)) {
      return Optional.of("reaches the Spring bean " + name + " (a variable may not have a bean's name)");
    }
    return Optional.empty();
  }

  private Optional<String> judgeProperty(Node prefix, String property) {
    if (property.toLowerCase(Locale.ROOT).contains("class")) {
      return Optional.of("reads the property " + property);
    }
    if (prefix instanceof AstIdentifier identifier && identifier.getName().equals(EXECUTION)) {
      return property.equals(BUSINESS_KEY) ? Optional.empty()
          : Optional.of("reads execution." + property + " (only execution.processBusinessKey)");
    }
    return judge(prefix);
  }

  /** Only bean.method() and bean.method(execution) on a ModelFunctions bean that has such a public method. */
  private Optional<String> judgeCall(AstMethod call) {
    Node property = call.getChild(0);
    Node arguments = call.getChild(1);
    String name = property instanceof AstDot dot ? propertyOf(dot) : "a computed method";
    Optional<String> refused = Optional.of("calls " + name + "(…); models may call only the methods of Fordra's "
        + "model functions, as ${bean.method()} or ${bean.method(execution)}");
    if (!(property instanceof AstDot) || !(property.getChild(0) instanceof AstIdentifier target)) {
      return refused;
    }
    Class<?> functions = beans.functions(target.getName());
    boolean withExecution = arguments.getCardinality() == 1
        && arguments.getChild(0) instanceof AstIdentifier argument && argument.getName().equals(EXECUTION);
    if (functions == null || !(arguments.getCardinality() == 0 || withExecution)) {
      return refused;
    }
    boolean exists = Stream.of(functions.getMethods())
        .filter(method -> method.getName().equals(name) && method.getDeclaringClass() != Object.class)
        .filter(method -> !Modifier.isStatic(method.getModifiers()))
        .anyMatch(method -> withExecution ? takesExecution(method) : method.getParameterCount() == 0);
    return exists ? Optional.empty() : refused;
  }

  private static boolean takesExecution(Method method) {
    return method.getParameterCount() == 1 && method.getParameterTypes()[0].isAssignableFrom(DelegateExecution.class);
  }

  /** JUEL keeps a dot property's name to itself but prints it as ". name". */
  private static String propertyOf(AstDot dot) {
    String printed = dot.toString();
    if (!printed.startsWith(". ")) {
      throw new IllegalStateException("JUEL printed a property as " + printed + ": the gate cannot judge it");
    }
    return printed.substring(2);
  }

  private static Stream<Node> children(Node node) {
    return Stream.iterate(0, i -> i < node.getCardinality(), i -> i + 1).map(node::getChild);
  }
}
