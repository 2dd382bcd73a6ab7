package io.fordra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import fixture.architecture.InvoiceOverview;
import fixture.architecture.ListenerThatCommentsItself;
import fixture.architecture.ReportThatReadsAnotherPackagesRepository;
import fixture.architecture.ServiceThatCallsAController;
import fixture.architecture.ServiceThatStartsAProcessItself;
import fixture.architecture.cycle.billing.Bill;
import fixture.architecture.cycle.booking.Booking;
import fixture.architecture.storage.LetterRepository;
import io.fordra.deployment.ModelFunctions;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules of Fordra's architecture that the build enforces (issue 14). Each rule is also shown to fail on a class that
 * breaks it (src/test/java/fixture/architecture, outside io.fordra so that no Spring context scans it), so a rule that
 * can no longer fail is noticed.
 */
class ArchitectureTest {

  private static final JavaClasses FORDRA = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.fordra");

  // ---------------------------------------------------------------- processes through ports

  /**
   * Services and controllers reach a process through their capability's port (an interface with one engine adapter
   * beside it, e.g. close.MonthEndCloseRuns), never through the engine's RuntimeService or TaskService themselves.
   */
  static final ArchRule SERVICES_START_PROCESSES_THROUGH_PORTS = noClasses()
      .that().areAnnotatedWith(Service.class)
      .or().areAnnotatedWith(RestController.class)
      .or().areAnnotatedWith(Controller.class)
      .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class)
      .because("a service or controller starts and correlates processes through its capability's port, so it can be "
          + "tested without Spring or the engine");

  /**
   * Only the engine adapters (classes named Engine…, one per port, e.g. invoice.EngineInvoiceFollowUp) use the
   * engine's RuntimeService or TaskService; delegates and listeners ask a port too (process.UserTasks).
   */
  static final ArchRule ONLY_ADAPTERS_USE_THE_ENGINE = noClasses()
      .that().haveSimpleNameNotStartingWith("Engine")
      .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class)
      .because("one adapter per port is the only code that talks to the engine, so the rest can be tested without it");

  @Test
  void servicesAndControllersStartProcessesThroughPorts() {
    SERVICES_START_PROCESSES_THROUGH_PORTS.check(FORDRA);
  }

  @Test
  void theRuleFailsForAServiceThatStartsAProcessItself() {
    assertViolation(SERVICES_START_PROCESSES_THROUGH_PORTS, fixtures(ServiceThatStartsAProcessItself.class),
        "ServiceThatStartsAProcessItself", "RuntimeService");
  }

  @Test
  void onlyAdaptersUseTheEngine() {
    ONLY_ADAPTERS_USE_THE_ENGINE.check(FORDRA);
  }

  @Test
  void theRuleFailsForAListenerThatCommentsItself() {
    assertViolation(ONLY_ADAPTERS_USE_THE_ENGINE, fixtures(ListenerThatCommentsItself.class),
        "ListenerThatCommentsItself", "TaskService");
  }

  // ---------------------------------------------------------------- the engine at the edge

  /** Packages whose whole job is the engine: its models and deployment, Tasklist, Cockpit and their logins. */
  private static final Set<String> ENGINE_PACKAGES = Set.of("io.fordra.process", "io.fordra.deployment",
      "io.fordra.task", "io.fordra.cockpit", "io.fordra.security");


  /**
   * Where the engine may be used: delegates and listeners (one step of a model each), expression beans that a model's
   * gateways and timers call with the execution (@ModelFunctions), the adapter of a capability's port (Engine*),
   * engine plugins, Spring configuration (the application's @EnableProcessApplication, readiness), and the engine's
   * own packages. Nested and anonymous classes count as the class they are in.
   */
  static final DescribedPredicate<JavaClass> OUTSIDE_THE_ENGINE_EDGE = DescribedPredicate.describe(
      "are not delegates, listeners, @ModelFunctions, Engine* adapters, engine plugins, configuration or in an engine "
          + "package", type -> !isEngineEdge(type));

  private static boolean isEngineEdge(JavaClass javaClass) {
    JavaClass type = outermost(javaClass);
    return type.isAssignableTo(JavaDelegate.class)
        || type.isAssignableTo(TaskListener.class)
        || type.isAssignableTo(ExecutionListener.class)
        || type.isAssignableTo(ProcessEnginePlugin.class)
        || type.isAnnotatedWith(ModelFunctions.class)
        || type.isMetaAnnotatedWith(Configuration.class)
        || type.getSimpleName().startsWith("Engine")
        || ENGINE_PACKAGES.stream().anyMatch(p -> type.getPackageName().equals(p)
            || type.getPackageName().startsWith(p + "."));
  }

  private static JavaClass outermost(JavaClass javaClass) {
    JavaClass type = javaClass;
    while (type.getEnclosingClass().isPresent()) {
      type = type.getEnclosingClass().get();
    }
    return type;
  }

  static final ArchRule ONLY_THE_ENGINE_EDGE_USES_CAMUNDA = noClasses()
      .that(OUTSIDE_THE_ENGINE_EDGE)
      .should().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("the domain (services, repositories, rules) is plain Java that a unit test runs without the engine");

  @Test
  void onlyTheEngineEdgeUsesCamunda() {
    ONLY_THE_ENGINE_EDGE_USES_CAMUNDA.check(FORDRA);
  }

  @Test
  void theEngineRuleFailsForAServiceThatUsesTheEngine() {
    assertViolation(ONLY_THE_ENGINE_EDGE_USES_CAMUNDA, fixtures(ServiceThatStartsAProcessItself.class),
        "ServiceThatStartsAProcessItself", "org.camunda");
  }

  // ---------------------------------------------------------------- controllers are the web edge

  /** The web edge is the controllers, and a controller says so in its name. */
  static final ArchRule CONTROLLERS_ARE_NAMED_CONTROLLER = classes()
      .that().areAnnotatedWith(RestController.class)
      .or().areAnnotatedWith(Controller.class)
      .should().haveSimpleNameEndingWith("Controller")
      .because("the web edge is found by name: a class named *Controller answers HTTP, and only such a class");

  /** Nothing depends on the web edge: a controller calls services, never the other way round. */
  static final ArchRule ONLY_SPRING_CALLS_CONTROLLERS = noClasses()
      .that().areNotAnnotatedWith(RestController.class)
      .and().areNotAnnotatedWith(Controller.class)
      .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
      .orShould().dependOnClassesThat().areAnnotatedWith(Controller.class)
      .because("a controller is the edge of the application: what it does for HTTP belongs to no one else");

  @Test
  void controllersAreNamedController() {
    CONTROLLERS_ARE_NAMED_CONTROLLER.check(FORDRA);
  }

  @Test
  void onlySpringCallsControllers() {
    ONLY_SPRING_CALLS_CONTROLLERS.check(FORDRA);
  }

  @Test
  void theControllerRulesFailForAControllerNamedOtherwiseAndAServiceThatCallsIt() {
    JavaClasses fixtures = fixtures(InvoiceOverview.class, ServiceThatCallsAController.class);

    assertViolation(CONTROLLERS_ARE_NAMED_CONTROLLER, fixtures, "InvoiceOverview");
    assertViolation(ONLY_SPRING_CALLS_CONTROLLERS, fixtures, "ServiceThatCallsAController", "InvoiceOverview");
  }

  // ---------------------------------------------------------------- repositories stay in their package

  /**
   * A repository: a class named *Repository, or any other class that queries with JdbcTemplate or JdbcClient. The
   * reports of package report are left out: they are read models that other packages ask (close reconciles against
   * report.AgingReport).
   */
  static final DescribedPredicate<JavaClass> REPOSITORIES = DescribedPredicate.describe(
      "are repositories (*Repository, or querying with JdbcTemplate/JdbcClient outside package report)",
      type -> type.getSimpleName().endsWith("Repository")
          || !type.getPackageName().equals("io.fordra.report") && type.getDirectDependenciesFromSelf().stream()
              .anyMatch(d -> d.getTargetClass().isAssignableTo(JdbcTemplate.class)
                  || d.getTargetClass().isAssignableTo(NamedParameterJdbcTemplate.class)
                  || d.getTargetClass().isAssignableTo(JdbcClient.class)));

  private static final ArchCondition<JavaClass> BE_USED_ONLY_IN_THEIR_OWN_PACKAGE =
      new ArchCondition<>("be used only by classes in their own package") {
        @Override
        public void check(JavaClass repository, ConditionEvents events) {
          for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
            if (!dependency.getOriginClass().getPackageName().equals(repository.getPackageName())) {
              events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
            }
          }
        }
      };

  static final ArchRule REPOSITORIES_ARE_USED_ONLY_IN_THEIR_PACKAGE = classes()
      .that(REPOSITORIES)
      .should(BE_USED_ONLY_IN_THEIR_OWN_PACKAGE)
      .because("a package's tables are its own: others ask its service, so its rules cannot be gone around");

  @Test
  void repositoriesAreUsedOnlyInTheirPackage() {
    REPOSITORIES_ARE_USED_ONLY_IN_THEIR_PACKAGE.check(FORDRA);
  }

  @Test
  void theRepositoryRuleFailsForAClassThatReadsAnotherPackagesRepository() {
    assertViolation(REPOSITORIES_ARE_USED_ONLY_IN_THEIR_PACKAGE,
        fixtures(LetterRepository.class, ReportThatReadsAnotherPackagesRepository.class),
        "ReportThatReadsAnotherPackagesRepository", "LetterRepository");
  }

  // ---------------------------------------------------------------- no package cycles

  /**
   * The packages below root (io.fordra.invoice with invoice.file, io.fordra.ledger, …) depend on each other without a
   * cycle, so each can be read, tested and changed from the packages below it. Where a lower package needs something
   * of a higher one, it declares a port that the higher one implements (invoice.Bookkeeping, which ledger.Ledger
   * implements; document.MessageIds, which distribution.MailProperties implements).
   */
  static SliceRule packagesFreeOfCycles(String root) {
    return slices().matching(root + ".(*)..").namingSlices("$1")
        .should().beFreeOfCycles()
        .because("a package cycle ties its packages into one that can only be understood and changed whole");
  }

  @Test
  void packagesHaveNoCycles() {
    packagesFreeOfCycles("io.fordra").check(FORDRA);
  }

  @Test
  void theCycleRuleFailsForTwoPackagesThatUseEachOther() {
    assertViolation(packagesFreeOfCycles("fixture.architecture.cycle"), fixtures(Bill.class, Booking.class),
        "billing", "booking");
  }

  // ---------------------------------------------------------------- helpers

  private static JavaClasses fixtures(Class<?>... classes) {
    return new ClassFileImporter().importClasses(classes);
  }

  /** The rule fails on the fixtures, and one line of its report names all of the given words. */
  private static void assertViolation(ArchRule rule, JavaClasses fixtures, String... named) {
    EvaluationResult result = rule.evaluate(fixtures);

    assertThat(result.hasViolation()).as("%s fails", rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(line -> Stream.of(named).allMatch(line::contains));
  }
}
