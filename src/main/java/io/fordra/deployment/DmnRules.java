package io.fordra.deployment;

import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * What a DMN file may hold: FEEL only. Every {@code expressionLanguage} (of the definitions, a decision table's
 * inputs, input expressions, entries, literal expressions) must name FEEL, since JUEL reaches Spring beans and Java,
 * and script languages run any code. No FEEL text may define an {@code external} function (a Java method): the
 * engine has them switched off as well, and the gate does not rely on that alone. Imports are refused.
 */
final class DmnRules extends ModelXmlRules {

  /** The names by which Camunda's DMN engine knows FEEL (ExpressionEvaluationHandler). */
  private static final Set<String> FEEL = Set.of(
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
  /** The FEEL keyword of a function bound to Java, anywhere in a text (even in a string: the gate errs on refusing). */
  private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");

  DmnRules(String resource) {
    super(resource);
  }

  static boolean isFeel(String language) {
    return FEEL.contains(language)
        || language.equalsIgnoreCase(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE);
  }

  @Override
  protected void element(Element element) {
    if (element.name().equals("import")) {
      refuse(element, element.qualifiedName(), "decisions import nothing from outside the deployment");
    }
  }

  @Override
  protected void attribute(Element element, String qualifiedName, String name, String value) {
    if (name.equals("expressionLanguage") && !isFeel(value)) {
      refuse(element, element.qualifiedName() + " " + qualifiedName + "=" + shown(value),
          "decisions are written in FEEL only");
    }
  }

  @Override
  protected void text(Element element, String text) {
    if (element.name().equals("text") && EXTERNAL.matcher(text).find()) {
      refuse(element, element.qualifiedName() + " " + shown(text), "FEEL external functions call Java");
    }
  }
}
