package io.fordra.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Finding 1 of issue 13: a process owner deployed a BPMN whose service task ran
 * {@code ${''.getClass().forName('java.lang.Runtime')...exec(...)}}. Every way a model can carry code is deployed
 * here through the engine REST API (as a member of process-owners) and through RepositoryService: each must be
 * refused whole, naming the element, with nothing stored and nothing run, even after the clock has moved on and every
 * due job has run. A process owner's ordinary change still deploys.
 */
@FordraTestContext
class DeploymentGateTest extends ProcessTestSupport {

  /** What each attack runs: a static call, as the reported attack reached Runtime.exec. */
  private static final String RUN =
      "''.getClass().forName('io.fordra.deployment.AttackSideEffect').getMethod('hit').invoke(null)";
  /** A FEEL function bound to a Java method (feel-scala's "external" functions), then called. */
  private static final String FEEL_CALLS_JAVA = """
      { run: function() external { java: { class: "io.fordra.deployment.AttackSideEffect", method signature: "hit()" } },
        result: run() }.result""";
  private static final String PASSWORD = "Owner-Password-1";

  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired ObjectMapper json;
  @Autowired DeploymentGate gate;

  private String owner;

  /** One attack: its resources, the resource and element the refusal must name, what it would have defined. */
  record Attack(String name, Map<String, String> resources, String resource, String element, String key) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Attack> attacks() {
    return Stream.of(
        bpmn("service task expression", "Task_Attack", """
            <bpmn:serviceTask id="Task_Attack" camunda:expression="${@RUN@}"/>"""),
        bpmn("execution listener", "Task_Attack", """
            <bpmn:task id="Task_Attack"><bpmn:extensionElements>
              <camunda:executionListener event="start" expression="${@RUN@}"/>
            </bpmn:extensionElements></bpmn:task>"""),
        bpmn("task listener", "Task_Attack", """
            <bpmn:userTask id="Task_Attack" camunda:candidateGroups="process-owners"><bpmn:extensionElements>
              <camunda:taskListener event="create" expression="${@RUN@}"/>
            </bpmn:extensionElements></bpmn:userTask>"""),
        bpmn("sequence-flow condition", "Flow_Attack", gateway("""
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${@RUN@ == null}</bpmn:conditionExpression>""")),
        bpmn("input mapping", "Task_Attack", """
            <bpmn:task id="Task_Attack"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="loot">${@RUN@}</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>"""),
        bpmn("output mapping", "Task_Attack", """
            <bpmn:task id="Task_Attack"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:outputParameter name="loot">${@RUN@}</camunda:outputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>"""),
        bpmn("timer expression", "Timer_Attack", """
            <bpmn:intermediateCatchEvent id="Timer_Attack"><bpmn:timerEventDefinition>
              <bpmn:timeDate>${@RUN@}</bpmn:timeDate>
            </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""),
        bpmn("script task", "Task_Attack", """
            <bpmn:scriptTask id="Task_Attack" scriptFormat="juel"><bpmn:script>${@RUN@}</bpmn:script></bpmn:scriptTask>"""),
        bpmn("script listener", "Task_Attack", """
            <bpmn:task id="Task_Attack"><bpmn:extensionElements>
              <camunda:executionListener event="start"><camunda:script scriptFormat="juel">${@RUN@}</camunda:script>
              </camunda:executionListener>
            </bpmn:extensionElements></bpmn:task>"""),
        bpmn("condition with a script language", "Flow_Attack", gateway("""
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="juel">${@RUN@ == null}</bpmn:conditionExpression>""")),
        bpmn("camunda:class outside io.fordra", "Task_Attack", """
            <bpmn:serviceTask id="Task_Attack" camunda:class="com.example.attack.OutsideDelegate"/>"""),
        bpmn("delegate expression naming identityService", "Task_Attack", """
            <bpmn:serviceTask id="Task_Attack" camunda:delegateExpression="${identityService}"/>"""),
        bpmn("delegate expression naming dataSource", "Task_Attack", """
            <bpmn:serviceTask id="Task_Attack" camunda:delegateExpression="${dataSource}"/>"""),
        bpmn("Spring bean in a condition", "Flow_Attack", gateway("""
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${dataSource.connection.closed}</bpmn:conditionExpression>""")),
        bpmn("model helper's dependency", "Flow_Attack", gateway("""
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.processEngineServices.identityService != null}</bpmn:conditionExpression>""")),
        withResource(bpmn("external script resource", "Task_Attack", """
            <bpmn:scriptTask id="Task_Attack" scriptFormat="juel" camunda:resource="deployment://attack.juel"/>"""),
            "attack.juel", "${" + RUN + "}"),
        withResource(bpmn("embedded form", "Task_Attack", """
            <bpmn:userTask id="Task_Attack" camunda:formKey="embedded:deployment:attack.html"/>"""),
            "attack.html", "<form><script>fetch('/engine-rest/user')</script></form>"),
        dmn("DMN input expression in JUEL", "InputExpression_Attack", """
            <decisionTable id="Table_Attack">
              <input id="Input_Attack"><inputExpression id="InputExpression_Attack" expressionLanguage="juel">
                <text>${@RUN@}</text></inputExpression></input>
              <output id="Output_Attack" name="result" typeRef="string"/>
              <rule id="Rule_Attack"><inputEntry id="Entry_In"><text>-</text></inputEntry>
                <outputEntry id="Entry_Out"><text>"done"</text></outputEntry></rule>
            </decisionTable>"""),
        dmn("DMN literal expression in JavaScript", "Literal_Attack", """
            <variable id="Variable_Attack" name="result"/>
            <literalExpression id="Literal_Attack" expressionLanguage="javascript">
              <text>java.lang.Runtime.getRuntime().exec("id")</text></literalExpression>"""),
        dmn("FEEL external function", "Literal_Attack", """
            <variable id="Variable_Attack" name="result"/>
            <literalExpression id="Literal_Attack"><text>%s</text></literalExpression>""".formatted(FEEL_CALLS_JAVA)),
        new Attack("DOCTYPE with an external entity", Map.of("attack-doctype.bpmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
              <bpmn:process id="attack-doctype" isExecutable="true"><bpmn:documentation>&secret;</bpmn:documentation>
              </bpmn:process>
            </bpmn:definitions>"""), "attack-doctype.bpmn", "DOCTYPE", "attack-doctype"),
        new Attack("CMMN case", Map.of("attack.cmmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <cmmn:definitions xmlns:cmmn="http://www.omg.org/spec/CMMN/20151109/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/cmmn" targetNamespace="https://fordra.io/attack">
              <cmmn:case id="attack-case" camunda:historyTimeToLive="P1D">
                <cmmn:casePlanModel id="CasePlan_Attack" autoComplete="true"/>
              </cmmn:case>
            </cmmn:definitions>"""), "attack.cmmn", "attack.cmmn", "attack-case"));
  }

  @BeforeEach
  void processOwner() {
    AttackSideEffect.reset();
    owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(owner);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(owner, "process-owners");
  }

  @AfterEach
  void removeUserAndAnythingDeployed() {
    identity.deleteUser(owner);
    // Only where a gate let something through: the next attack must start from a clean engine.
    repository.createDeploymentQuery().deploymentNameLike("attack-%").list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusedThroughTheEngineRestApi(Attack attack) throws IOException {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", deploymentName(attack));
    attack.resources().forEach((name, content) -> form.add(name, file(name, content)));
    var response = asOwner().post().uri(engineRest() + "/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
        .exchange((request, answer) -> Map.entry(answer.getStatusCode().value(),
            new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8)));

    runEverythingDue();
    assertThat(AttackSideEffect.hits()).as("calls the attack made").isZero();
    assertThat(response.getKey()).as(response.getValue()).isEqualTo(400);
    JsonNode problem = json.readTree(response.getValue());
    assertThat(problem.path("message").asText()).contains(attack.resource(), attack.element());
    assertNothingStored(attack);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusedThroughRepositoryService(Attack attack) {
    DeploymentBuilder deployment = repository.createDeployment().name(deploymentName(attack));
    attack.resources().forEach((name, content) -> deployment.addString(name, content));
    Throwable refusal = catchThrowable(deployment::deploy);

    runEverythingDue();
    assertThat(AttackSideEffect.hits()).as("calls the attack made").isZero();
    assertThat(refusal).isInstanceOf(ParseException.class)
        .hasMessageContaining(attack.resource()).hasMessageContaining(attack.element());
    assertNothingStored(attack);
  }

  @Test
  void aProcessOwnersChangeToATimerStillDeploys() throws IOException {
    String model = Files.readString(Path.of("processes/month-end-close.bpmn"))
        .replace("<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">0 0 5 1 * ?</bpmn:timeCycle>",
            "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">0 30 6 1 * ?</bpmn:timeCycle>");
    assertThat(model).contains("0 30 6 1 * ?");
    int versionBefore = repository.createProcessDefinitionQuery().processDefinitionKey("month-end-close")
        .latestVersion().singleResult().getVersion();
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", "owner-change");
    form.add("month-end-close.bpmn", file("month-end-close.bpmn", model));

    var created = asOwner().post().uri(engineRest() + "/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);

    assertThat(created.getStatusCode().value()).isEqualTo(200);
    String deploymentId = created.getBody().path("id").asText();
    try {
      assertThat(repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getVersion())
          .isEqualTo(versionBefore + 1);
    } finally {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void theShippedModelsAndFormsPassTheGate() throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("shipped-copy");
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.sorted().toList()) {
          deployment.addString(file.getFileName().toString(), Files.readString(file));
        }
      }
    }
    Deployment deployed = deployment.deploy();
    try {
      assertThat(repository.createProcessDefinitionQuery().deploymentId(deployed.getId()).count()).isEqualTo(9);
      assertThat(repository.createDecisionDefinitionQuery().deploymentId(deployed.getId()).count()).isPositive();
    } finally {
      repository.deleteDeployment(deployed.getId(), true);
    }
  }

  /** The cache re-reads stored deployments (after a restart, on another node): those are not judged again. */
  @Test
  void onlyNewDeploymentsAreJudged() {
    String attack = attacks().findFirst().orElseThrow().resources().values().iterator().next();
    assertThat(catchThrowable(() -> gate.deploy(deploymentOf(attack, true)))).isInstanceOf(ParseException.class);
    assertThat(catchThrowable(() -> gate.deploy(deploymentOf(attack, false)))).isNull();
  }

  @Test
  void decisionsUseFeelEverywhereAndFeelCannotCallJava() {
    var configuration = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration();
    String feel = "http://www.omg.org/spec/FEEL/20140401";
    assertThat(List.of(configuration.getDefaultInputExpressionExpressionLanguage(),
        configuration.getDefaultInputEntryExpressionLanguage(), configuration.getDefaultOutputEntryExpressionLanguage(),
        configuration.getDefaultLiteralExpressionLanguage())).containsOnly(feel);
    // Behind the gate: the engine's FEEL has external (Java) functions switched off. The same expression does call
    // Java where they are on, so it is a real attack.
    new org.camunda.feel.FeelEngine.Builder().enableExternalFunctions(true).build().evalExpression(FEEL_CALLS_JAVA, Map.of());
    assertThat(AttackSideEffect.hits()).isOne();
    AttackSideEffect.reset();
    Throwable failure = catchThrowable(() -> configuration.getFeelEngine().evaluateSimpleExpression(FEEL_CALLS_JAVA,
        Variables.emptyVariableContext()));
    assertThat(AttackSideEffect.hits()).isZero();
    assertThat(failure).hasMessageContaining("External functions are disabled");
  }

  /** Behind the gate, at runtime: expressions resolve the steps and the model functions, no other bean. */
  @Test
  void expressionsReachOnlyStepsAndModelFunctions() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    java.util.function.Function<String, Object> evaluate = text -> configuration.getCommandExecutorTxRequired()
        .execute(command -> configuration.getExpressionManager().createExpression(text)
            .getValue(StartProcessVariableScope.getSharedInstance()));
    assertThat(evaluate.apply("${prepareReminder}")).isInstanceOf(io.fordra.dunning.PrepareReminder.class);
    assertThat(evaluate.apply("${closeCalendar}")).isInstanceOf(io.fordra.close.CloseCalendar.class);
    assertThat(catchThrowable(() -> evaluate.apply("${dataSource}"))).hasMessageContaining("dataSource");
    assertThat(catchThrowable(() -> evaluate.apply("${identityService}"))).hasMessageContaining("identityService");
  }

  /** Expressions also live in queries: not in ad-hoc ones, and stored ones (filters) only from the admin. */
  @Test
  void processOwnersCannotPutExpressionsIntoQueriesOrFilters() {
    RestClient as = asOwner();
    int adhoc = as.get().uri(engineRest() + "/task?assigneeExpression={e}", "${currentUser()}")
        .exchange((request, answer) -> answer.getStatusCode().value());
    int filter = as.post().uri(engineRest() + "/filter/create").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("resourceType", "Task", "name", "mine", "query", Map.of("assigneeExpression", "${currentUser()}")))
        .exchange((request, answer) -> answer.getStatusCode().value());
    assertThat(adhoc).isEqualTo(400);
    assertThat(filter).isEqualTo(403);
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .isEnableExpressionsInAdhocQueries()).isFalse();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void assertNothingStored(Attack attack) {
    assertThat(repository.createDeploymentQuery().deploymentName(deploymentName(attack)).count()).isZero();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(attack.key()).count()).isZero();
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(attack.key()).count()).isZero();
    assertThat(repository.createCaseDefinitionQuery().caseDefinitionKey(attack.key()).count()).isZero();
  }

  /**
   * The next day, with every due job run as the job executor would (an attack's job may fail once its harm is
   * done: failures are left to their retries).
   */
  private void runEverythingDue() {
    at(LocalDate.of(2026, 3, 3), LocalTime.of(9, 0));
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().withRetriesLeft().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // its retry cycle moves it into the future
        }
      }
    }
  }

  private static String deploymentName(Attack attack) {
    return "attack-" + attack.name().replace(' ', '-');
  }

  private static Attack bpmn(String name, String element, String body) {
    String key = "attack-" + Integer.toHexString(name.hashCode());
    String first = body.substring(body.indexOf("id=\"") + 4, body.indexOf('"', body.indexOf("id=\"") + 4));
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Attack" targetNamespace="https://fordra.io/attack">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start_Timer">
              <bpmn:timerEventDefinition><bpmn:timeDate>2026-03-02T10:00:00+01:00</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_Start" sourceRef="Start_Timer" targetRef="%s"/>
            %s
            <bpmn:sequenceFlow id="Flow_End" sourceRef="%s" targetRef="End"/>
            <bpmn:endEvent id="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, first, body.replace("@RUN@", RUN), first);
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put(key + ".bpmn", model);
    return new Attack(name, resources, key + ".bpmn", element, key);
  }

  /** An exclusive gateway whose flow Flow_Attack carries the condition; Flow_End is its default. */
  private static String gateway(String condition) {
    return """
        <bpmn:exclusiveGateway id="Gateway_Attack" default="Flow_End"/>
        <bpmn:sequenceFlow id="Flow_Attack" sourceRef="Gateway_Attack" targetRef="End">%s</bpmn:sequenceFlow>"""
        .formatted(condition);
  }

  private static Attack withResource(Attack attack, String name, String content) {
    Map<String, String> resources = new LinkedHashMap<>(attack.resources());
    resources.put(name, content);
    return new Attack(attack.name(), resources, attack.resource(), attack.element(), attack.key());
  }

  /** A decision attack-… with the body, and a process that evaluates it as soon as its timer fires. */
  private static Attack dmn(String name, String element, String body) {
    String key = "attack-" + name.replaceAll("[^a-zA-Z]+", "-").toLowerCase();
    String decision = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Attack" name="Attack"
            namespace="https://fordra.io/attack">
          <decision id="%s" name="Attack" camunda:historyTimeToLive="P1D">
            %s
          </decision>
        </definitions>
        """.formatted(key, body.replace("@RUN@", RUN));
    Attack caller = bpmn(name + " caller", "Task_Decide", """
        <bpmn:businessRuleTask id="Task_Decide" camunda:decisionRef="%s" camunda:resultVariable="result"
            camunda:mapDecisionResult="singleEntry"/>""".formatted(key));
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put(key + ".dmn", decision);
    resources.putAll(caller.resources());
    return new Attack(name, resources, key + ".dmn", element, key);
  }

  private static DeploymentEntity deploymentOf(String model, boolean isNew) {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setName("attack-read-back");
    ResourceEntity resource = new ResourceEntity();
    resource.setName("attack.bpmn");
    resource.setBytes(model.getBytes(StandardCharsets.UTF_8));
    deployment.addResource(resource);
    deployment.setNew(isNew);
    return deployment;
  }

  private static ByteArrayResource file(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private RestClient asOwner() {
    return RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(new JdkClientHttpRequestFactory())
        .defaultHeaders(headers -> headers.setBasicAuth(owner, PASSWORD)).build();
  }

  /** The engine's REST API for this test's engine (its name is unique per test context). */
  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }
}
