package io.fordra.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deployments are code: a model's expressions, listeners, delegates and scripts run on the server. Every new
 * deployment (engine REST API, Modeler, the process archive at start-up, a Java call: all go through the engine's
 * deployers) passes this gate first, and is refused whole, before anything of it is stored or scheduled, unless every
 * resource keeps to {@link BpmnRules}, {@link DmnRules} and {@link FormRules}. The refusal is a
 * {@link ParseException} (400 on the REST API) naming each resource, element and offending attribute or expression.
 * Deployments the engine reads back from its database (cache, restart, another node) are not judged again.
 *
 * <p>Also keeps every DMN expression language at FEEL (the engine's default), so no decision falls back to JUEL.
 */
@Component
class DeploymentGate extends AbstractProcessEnginePlugin implements Deployer {

  private static final Logger log = LoggerFactory.getLogger(DeploymentGate.class);
  private static final List<String> BPMN = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> DMN = List.of(".dmn", ".dmn11.xml");
  private static final String FORM = ".form";
  private static final int LISTED = 20;

  private final ModelExpressions expressions;

  public DeploymentGate(ModelBeans beans) {
    this.expressions = new ModelExpressions(beans);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> before = new ArrayList<>();
    before.add(this);
    if (configuration.getCustomPreDeployers() != null) {
      before.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(before);
    feelEverywhere(configuration);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<Refusal> refusals = deployment.getResources().values().stream()
        .sorted(Comparator.comparing(ResourceEntity::getName))
        .flatMap(resource -> judge(resource.getName(), resource.getBytes()).stream())
        .toList();
    if (refusals.isEmpty()) {
      return;
    }
    String message = "Deployment refused by Fordra's deployment gate (README: The deployment gate): "
        + refusals.stream().limit(LISTED).map(Refusal::toString).collect(Collectors.joining("; "))
        + (refusals.size() > LISTED ? "; and " + (refusals.size() - LISTED) + " more" : "");
    CommandContext command = Context.getCommandContext();
    String who = command == null || command.getAuthenticatedUserId() == null ? "a Java call"
        : command.getAuthenticatedUserId();
    // names and texts come from the deployer: no line breaks of theirs in the log
    log.warn("Deployment '{}' by {} refused: {}", oneLine(deployment.getName()), oneLine(who), oneLine(message));
    String first = refusals.get(0).resource();
    List<Problem> ofFirst = refusals.stream().filter(refusal -> refusal.resource().equals(first))
        .collect(Collectors.<Problem>toList());
    throw new ParseException(message, first, ofFirst, List.of());
  }

  private List<Refusal> judge(String name, byte[] content) {
    if (BPMN.stream().anyMatch(name::endsWith)) {
      return new BpmnRules(name, expressions, getClass().getClassLoader()).judge(content);
    }
    if (DMN.stream().anyMatch(name::endsWith)) {
      return new DmnRules(name).judge(content);
    }
    if (name.endsWith(FORM)) {
      return FormRules.judge(name, content);
    }
    return List.of(new Refusal(name, null, 0, 0,
        "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed"));
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
  }

  /** The engine's default already (unless its FEEL legacy behaviour is on); set here so nothing can change it. */
  private static void feelEverywhere(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
    dmn.setDefaultInputExpressionExpressionLanguage(feel);
    dmn.setDefaultInputEntryExpressionLanguage(feel);
    dmn.setDefaultOutputEntryExpressionLanguage(feel);
    dmn.setDefaultLiteralExpressionLanguage(feel);
  }
}
