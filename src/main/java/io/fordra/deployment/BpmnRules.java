package io.fordra.deployment;

import java.util.Set;
import org.springframework.util.ClassUtils;

/**
 * What a BPMN file may hold (anything else is refused):
 * <ul>
 *   <li>no script task, no script (listeners, mappings), no script language on any expression, no
 *       {@code camunda:connector}, no external resource ({@code camunda:resource}), no BPMN import;</li>
 *   <li>of Camunda's extension elements only listeners, mappings, fields, properties, retry cycles and error
 *       definitions (so no generated forms: their validators are classes);</li>
 *   <li>forms only as Camunda Forms of the deployment ({@code camunda:formRef}, or
 *       {@code camunda:formKey="camunda-forms:deployment:…"});</li>
 *   <li>{@code camunda:class} only for an existing class of io.fordra; delegate expressions only {@code ${step}};</li>
 *   <li>every other attribute or text that the engine would evaluate ({@code ${…}}, {@code #{…}}) as
 *       {@link ModelExpressions} allows: it reads variables, calls no method but Fordra's model functions.</li>
 * </ul>
 * Attributes are judged by their local name wherever they stand (Camunda's on BPMN elements, the unqualified ones on
 * Camunda's elements), so no spelling of a namespace slips past.
 */
final class BpmnRules extends ModelXmlRules {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
  private static final Set<String> REFUSED_BPMN = Set.of("scriptTask", "script", "import");
  private static final Set<String> ALLOWED_CAMUNDA = Set.of("executionListener", "taskListener",
      "failedJobRetryTimeCycle", "in", "out", "inputOutput", "inputParameter", "outputParameter", "list", "map",
      "entry", "value", "field", "string", "expression", "properties", "property", "errorEventDefinition",
      "potentialStarter");
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass");
  private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
      "variableMappingDelegateExpression");
  private static final Set<String> SCRIPT_ATTRIBUTES = Set.of("scriptFormat", "language", "expressionLanguage");
  /** Text that the engine never evaluates. */
  private static final Set<String> PROSE = Set.of("documentation", "text");
  private static final String CAMUNDA_FORMS = "camunda-forms:deployment:";

  private final ModelExpressions expressions;
  private final ClassLoader classes;

  BpmnRules(String resource, ModelExpressions expressions, ClassLoader classes) {
    super(resource);
    this.expressions = expressions;
    this.classes = classes;
  }

  @Override
  protected void element(Element element) {
    if (BPMN.equals(element.namespace()) && REFUSED_BPMN.contains(element.name())) {
      refuse(element, element.qualifiedName(), element.name().equals("import")
          ? "models import nothing from outside the deployment" : "scripts run any code on the server");
    }
    if (CAMUNDA.contains(element.namespace()) && !ALLOWED_CAMUNDA.contains(element.name())) {
      refuse(element, element.qualifiedName(), element.name().equals("script")
          ? "scripts run any code on the server" : "not one of the Camunda extensions the gate allows");
    }
  }

  @Override
  protected void attribute(Element element, String qualifiedName, String name, String value) {
    String what = element.qualifiedName() + " " + qualifiedName + "=" + shown(value);
    if (CLASS_ATTRIBUTES.contains(name)) {
      if (!ModelBeans.isFordraClassName(value) || !ClassUtils.isPresent(value, classes)) {
        refuse(element, what, "only classes of io.fordra that exist");
      }
    } else if (DELEGATE_ATTRIBUTES.contains(name)) {
      expressions.refuseDelegate(value).ifPresent(reason -> refuse(element, what, reason));
    } else if (SCRIPT_ATTRIBUTES.contains(name)) {
      refuse(element, what, "scripts and other expression languages run any code on the server");
    } else if (name.equals("resource")) {
      refuse(element, what, "models load nothing from outside the deployment");
    } else if (name.equals("formKey") && !value.startsWith(CAMUNDA_FORMS)) {
      refuse(element, what, "only Camunda Forms of the deployment (camunda:formRef, or " + CAMUNDA_FORMS + "…)");
    } else if (ModelExpressions.isExpression(value)) {
      expressions.refuseValue(value).ifPresent(reason -> refuse(element, what, reason));
    }
  }

  @Override
  protected void text(Element element, String text) {
    if (!PROSE.contains(element.name()) && ModelExpressions.isExpression(text)) {
      expressions.refuseValue(text)
          .ifPresent(reason -> refuse(element, element.qualifiedName() + " " + shown(text), reason));
    }
  }
}
