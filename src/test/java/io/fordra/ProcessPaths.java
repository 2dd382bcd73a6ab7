package io.fordra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fast process tests: a test class deploys only its models ({@code @Deployment}) in an in-memory engine without
 * Spring (src/test/resources/process-paths.camunda.cfg.xml), and walks their paths. Every delegate and listener bean
 * that a model names ({@code ${bean}}) is a mock that does nothing unless the test registers its own
 * ({@link Mocks#register}).
 *
 * <p>A test marks each end event it walks to with {@link #reached}; once all of a class's tests have run, every end
 * event of its models must have been reached, so a new end event without a path fails the build.
 */
@ExtendWith(ProcessPaths.EveryEndEventReached.class)
public abstract class ProcessPaths {

  /** Not camunda.cfg.xml: ProcessEngines.init() would build that engine in any JVM that asks for the default one. */
  private static final String CONFIGURATION = "process-paths.camunda.cfg.xml";

  @RegisterExtension
  protected static final ProcessEngineExtension ENGINE = new OneClassAtATime();

  private static final Map<Class<?>, Set<String>> REACHED = new ConcurrentHashMap<>();
  private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

  @BeforeEach
  void mockEveryBeanTheModelsName() {
    BpmnAwareTests.init(engine());
    for (String bean : delegateBeans(getClass())) {
      Mocks.register(bean, new DoNothing());
    }
  }

  @AfterEach
  void forgetMocksAndEngine() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  protected ProcessEngine engine() {
    return ENGINE.getProcessEngine();
  }

  /** Asserts that the instance passed the end event, and notes it for the check after the class. */
  protected void reached(ProcessInstance instance, String endEvent) {
    BpmnAwareTests.assertThat(instance).hasPassed(endEvent);
    REACHED.computeIfAbsent(getClass(), c -> ConcurrentHashMap.newKeySet()).add(endEvent);
  }

  /** Runs the job (timer or asynchronous continuation) of the activity, whatever its due date. */
  protected static void run(ProcessInstance instance, String activityId) {
    execute(job(activityId, instance));
  }

  /** The models that the test class deploys. */
  static Stream<BpmnModelInstance> models(Class<?> testClass) {
    Deployment deployment = testClass.getAnnotation(Deployment.class);
    assertThat(deployment).as(testClass.getSimpleName() + " names its models with @Deployment").isNotNull();
    return Arrays.stream(deployment.resources()).filter(r -> r.endsWith(".bpmn")).map(ProcessPaths::model);
  }

  public static BpmnModelInstance model(String resource) {
    try (InputStream in = ProcessPaths.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Set<String> endEvents(BpmnModelInstance model) {
    Set<String> ids = new TreeSet<>();
    model.getModelElementsByType(EndEvent.class).forEach(e -> ids.add(e.getId()));
    return ids;
  }

  /** The beans named as delegates or listeners ({@code delegateExpression="${bean}"}). */
  private static Set<String> delegateBeans(Class<?> testClass) {
    Set<String> beans = new TreeSet<>();
    models(testClass).forEach(model -> {
      Stream.of(
          model.getModelElementsByType(ServiceTask.class).stream().map(ServiceTask::getCamundaDelegateExpression),
          model.getModelElementsByType(CamundaTaskListener.class).stream()
              .map(CamundaTaskListener::getCamundaDelegateExpression),
          model.getModelElementsByType(CamundaExecutionListener.class).stream()
              .map(CamundaExecutionListener::getCamundaDelegateExpression))
          .flatMap(s -> s).forEach(expression -> {
            Matcher bean = expression == null ? null : BEAN.matcher(expression);
            if (bean != null && bean.matches()) {
              beans.add(bean.group(1));
            }
          });
    });
    return beans;
  }

  /** The default for every delegate and listener bean: the step happens, nothing else. */
  public static class DoNothing implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {}

    @Override
    public void notify(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}
  }

  /**
   * The engine lives for one class: the suite shares one JVM with the Spring tests, whose engine must then be the only
   * one registered. The next class of this kind builds a new engine (in a second or two).
   */
  static final class OneClassAtATime extends ProcessEngineExtension {
    OneClassAtATime() {
      configurationResource = CONFIGURATION;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      super.afterAll(context);
      TestHelper.closeProcessEngines();
      processEngine = null;
    }
  }

  /** After a class whose tests all ran: each end event of its models was reached by one of them. */
  static class EveryEndEventReached implements AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(EveryEndEventReached.class);

    @Override
    public void afterEach(ExtensionContext context) {
      context.getParent().orElseThrow().getStore(NAMESPACE)
          .getOrComputeIfAbsent("ran", k -> new AtomicInteger(), AtomicInteger.class).incrementAndGet();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      Class<?> testClass = context.getRequiredTestClass();
      AtomicInteger ran = context.getStore(NAMESPACE).get("ran", AtomicInteger.class);
      long tests = Arrays.stream(testClass.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
      if (ran == null || ran.get() < tests) {
        return; // some tests were filtered out (-Dtest=Class#method): nothing to say about the whole
      }
      Set<String> endEvents = new TreeSet<>();
      models(testClass).forEach(model -> endEvents.addAll(endEvents(model)));
      assertThat(REACHED.getOrDefault(testClass, Set.of()))
          .as("the end events that the tests of " + testClass.getSimpleName() + " reached")
          .containsExactlyInAnyOrderElementsOf(endEvents);
    }
  }
}
