package io.fordra.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.close.MonthEndClose;
import io.fordra.payment.file.PaymentFileImport;
import io.fordra.paymentplan.PaymentPlanProcess;
import io.fordra.task.FormOutputs;
import io.fordra.task.TaskForm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Forms in {@code forms/} are valid for Tasklist 7.24 (form-js 1.8, schemaVersion 16), submit exactly the
 * variables the processes expect, each is declared once in Java ({@link TaskForm}) with exactly its fields, and every
 * form a BPMN user task references exists.
 */
class FormsTest {

  private static final Path FORMS = Path.of("forms");
  private static final Path PROCESSES = Path.of("processes");

  /** The newest form schema Tasklist 7.24's form-js 1.8 reads. */
  private static final int MAX_SCHEMA_VERSION = 16;

  /** Component types form-js 1.8 knows (form-viewer 1.8.7). */
  private static final Set<String> KNOWN_TYPES = Set.of(
      "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime",
      "expression", "text", "html", "image", "iframe", "table", "separator", "spacer", "button", "group",
      "dynamiclist");

  /** Types form-js 1.8 binds to a {@code key} (a variable). The forms here use textfield, textarea, number, radio. */
  private static final Set<String> KEYED_TYPES = Set.of(
      "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime",
      "expression");

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, JsonNode> forms;

  @BeforeAll
  static void readForms() throws IOException {
    forms = new LinkedHashMap<>();
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      assertThat(form.isObject()).as("%s is a JSON object", file).isTrue();
      forms.put(file.getFileName().toString().replaceFirst("\\.form$", ""), form);
    }
    assertThat(forms).as("forms in %s", FORMS.toAbsolutePath()).isNotEmpty();
  }

  @Test
  void everyFormIsAFormTasklistCanRead() {
    forms.forEach((name, form) -> {
      assertThat(form.path("type").asText()).as("%s: type", name).isEqualTo("default");
      assertThat(form.path("id").asText()).as("%s: id equals the file name", name).isEqualTo(name);
      assertThat(form.path("schemaVersion").isIntegralNumber()).as("%s: schemaVersion is a number", name).isTrue();
      assertThat(form.path("schemaVersion").asInt())
          .as("%s: schemaVersion readable by Tasklist 7.24", name)
          .isBetween(1, MAX_SCHEMA_VERSION);
      assertThat(form.path("components").isArray()).as("%s: components", name).isTrue();

      List<JsonNode> components = components(form);
      Set<String> ids = new HashSet<>();
      for (JsonNode component : components) {
        String id = component.path("id").asText("");
        String type = component.path("type").asText("");
        assertThat(id).as("%s: component id", name).isNotBlank();
        assertThat(ids.add(id)).as("%s: component id %s is unique", name, id).isTrue();
        assertThat(type).as("%s: type of %s", name, id).isIn(KNOWN_TYPES);
        if (component.hasNonNull("key")) {
          assertThat(type).as("%s: %s has a key, so its type must take a value", name, id).isIn(KEYED_TYPES);
          assertThat(component.path("key").asText()).as("%s: key of %s", name, id).isNotBlank();
        }
        JsonNode hide = component.path("conditional").path("hide");
        if (!hide.isMissingNode()) {
          assertThat(hide.asText()).as("%s: conditional.hide of %s is a FEEL expression", name, id).startsWith("=");
        }
      }
    });
  }

  @Test
  void reviewDunningSubmitsTheReviewDecision() {
    assertThat(submittedKeys("review-dunning")).containsExactlyInAnyOrder("reviewDecision", "postponeDays", "reviewComment");
    assertThat(radioValues("review-dunning", "reviewDecision")).containsExactly("CONTINUE", "POSTPONE", "HAND_OFF");
  }

  @Test
  void respondToObjectionSubmitsTheDecisionAndTheReply() {
    assertThat(submittedKeys("respond-to-objection"))
        .containsExactlyInAnyOrder("objectionDecision", "creditAmount", "replyText");
    assertThat(radioValues("respond-to-objection", "objectionDecision"))
        .containsExactly("ACCEPT_FULL", "ACCEPT_PARTIAL", "REJECT");
  }

  @Test
  void decideDisputedClaimSubmitsTheDecisionAndAComment() {
    assertThat(submittedKeys("decide-disputed-claim"))
        .containsExactlyInAnyOrder("disputedClaimDecision", "decisionComment");
    assertThat(radioValues("decide-disputed-claim", "disputedClaimDecision"))
        .containsExactly("CONCILIATION_BOARD", "CLOSE");
  }

  @Test
  void correctDistributionDeviationSubmitsTheActionAndTheCorrections() {
    assertThat(submittedKeys("correct-distribution-deviation")).containsExactlyInAnyOrder("deviationAction",
        "requestedChannel", "correctedEmail", "correctedStreet", "correctedPostalCode", "correctedCity",
        "deviationComment");
    assertThat(radioValues("correct-distribution-deviation", "deviationAction"))
        .containsExactly(InvoiceDistribution.DeviationAction.SEND.name(),
            InvoiceDistribution.DeviationAction.DO_NOT_SEND.name());
  }

  @Test
  void matchPaymentSubmitsTheActionTheInvoicesAndAComment() {
    assertThat(submittedKeys("match-payment")).containsExactlyInAnyOrder(PaymentFileImport.MATCH_ACTION.name(),
        "suggestedInvoices", PaymentFileImport.INVOICE_NUMBERS.name(), PaymentFileImport.MATCH_COMMENT.name());
    assertThat(radioValues("match-payment", PaymentFileImport.MATCH_ACTION.name()))
        .containsExactly(PaymentFileImport.MatchAction.MATCH.name(), PaymentFileImport.MatchAction.UNALLOCATED.name());
  }

  @Test
  void reviewReconciliationShowsTheFiguresAndSubmitsTheDecisionAndAComment() {
    assertThat(submittedKeys("review-reconciliation"))
        .containsExactlyInAnyOrder(MonthEndClose.DECISION.name(), MonthEndClose.COMMENT.name());
    assertThat(radioValues("review-reconciliation", MonthEndClose.DECISION.name()))
        .containsExactly(MonthEndClose.Decision.ACCEPTED.name(), MonthEndClose.Decision.CORRECTION_NEEDED.name());
    assertThat(components(form("review-reconciliation"))).filteredOn(c -> c.path("readonly").asBoolean(false))
        .extracting(c -> c.path("key").asText())
        .containsExactlyInAnyOrder(MonthEndClose.PERIOD.name(), MonthEndClose.FIGURES_TEXT.name(),
            MonthEndClose.DIFFERENCES_TEXT.name());
    assertThat(components(form("review-reconciliation"))).filteredOn(c -> c.path("key").asText()
        .equals(MonthEndClose.COMMENT.name())).singleElement()
        .satisfies(c -> assertThat(c.path("validate").path("required").asBoolean()).isTrue());
  }

  @Test
  void decidePaymentPlanSubmitsTheDecisionTheTermsAndTheReasons() {
    assertThat(submittedKeys("decide-payment-plan")).containsExactlyInAnyOrder("planDecision", "agreedInstalments",
        "agreedFirstDueDate", "agreedDeferTo", "approvalNote", "refusalReason");
    assertThat(radioValues("decide-payment-plan", "planDecision"))
        .containsExactly(PaymentPlanProcess.Decision.APPROVE.name(), PaymentPlanProcess.Decision.REFUSE.name());
    assertThat(components(form("decide-payment-plan"))).filteredOn(c -> c.path("key").asText().equals("refusalReason"))
        .singleElement().satisfies(c -> {
          assertThat(c.path("validate").path("required").asBoolean()).as("a refusal needs a reason").isTrue();
          assertThat(c.path("conditional").path("hide").asText()).isEqualTo("=planDecision != \"REFUSE\"");
        });
  }

  /**
   * Each form has one declaration (a TaskForm bean beside its process) that names exactly the form's fields: what it
   * shows read-only, what a person answers, each with a type the form-js field gives. A field renamed in the form or
   * in Java only fails here.
   */
  @Test
  void everyFormIsDeclaredOnceWithExactlyItsFields() {
    Map<String, TaskForm> declared = new LinkedHashMap<>();
    for (TaskForm declaration : declarations()) {
      assertThat(declared.put(declaration.id(), declaration)).as("%s declared twice", declaration).isNull();
    }
    assertThat(declared.keySet()).as("declared forms").containsExactlyInAnyOrderElementsOf(forms.keySet());
    declared.values().forEach(declaration -> assertThat(mismatches(declaration, outputs(declaration.id())))
        .as("%s (%s) against forms/%s.form", declaration, declaration.getClass().getName(), declaration.id())
        .isEmpty());
  }

  @Test
  void aDeclarationThatDiffersFromItsFormIsCaught() {
    TaskForm renamed = new TaskForm("match-payment", List.of(ProcessVariable.of("paymentAmount", String.class)),
        List.of(PaymentFileImport.MATCH_ACTION, ProcessVariable.of("invoiceNumber", String.class),
            ProcessVariable.of("matchComment", Long.class))) {};

    assertThat(mismatches(renamed, outputs("match-payment"))).containsExactlyInAnyOrder(
        "asks invoiceNumber, which the form does not ask",
        "does not ask invoiceNumbers, which the form asks",
        "does not show paidAt, which the form shows",
        "does not show bankTransactionId, which the form shows",
        "does not show statedReference, which the form shows",
        "does not show whyUnmatched, which the form shows",
        "does not show payer, which the form shows",
        "does not show payerAccount, which the form shows",
        "does not show remittanceText, which the form shows",
        "does not ask suggestedInvoices, which the form asks",
        "declares matchComment a Long, but the form's textarea gives a String");
  }

  /** Every way a declaration differs from its form (empty when they agree). */
  private static List<String> mismatches(TaskForm declared, FormOutputs form) {
    List<String> problems = new ArrayList<>();
    Set<String> shown = new LinkedHashSet<>(form.keys());
    shown.removeAll(form.inputs());
    Set<String> declaredShown = new LinkedHashSet<>(declared.keys());
    declaredShown.removeAll(declared.inputs());
    differences("ask", declared.inputs(), form.inputs(), problems);
    differences("show", declaredShown, shown, problems);
    List<ProcessVariable<?>> fields = new ArrayList<>(declared.shows());
    fields.addAll(declared.asks());
    for (ProcessVariable<?> field : fields) {
      String type = form.type(field.name());
      Class<?> given = switch (type == null ? "" : type) {
        case "textfield", "textarea", "radio", "select" -> String.class;
        case "number" -> Number.class;
        case "checkbox" -> Boolean.class;
        default -> Object.class;
      };
      // Object: read as given (Tasklist submits numbers untyped, e.g. the credit amount)
      if (field.type() != Object.class && !given.isAssignableFrom(field.type())) {
        problems.add("declares " + field.name() + " a " + field.type().getSimpleName() + ", but the form's " + type
            + " gives a " + given.getSimpleName());
      }
    }
    return problems;
  }

  private static void differences(String verb, Set<String> declared, Set<String> inForm, List<String> problems) {
    declared.stream().filter(key -> !inForm.contains(key))
        .forEach(key -> problems.add(verb + "s " + key + ", which the form does not " + verb));
    inForm.stream().filter(key -> !declared.contains(key))
        .forEach(key -> problems.add("does not " + verb + " " + key + ", which the form " + verb + "s"));
  }

  /** The TaskForm declarations of Fordra's main code, found as Spring finds the beans. */
  private static List<TaskForm> declarations() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AssignableTypeFilter(TaskForm.class));
    List<TaskForm> found = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.fordra")) {
      try {
        found.add((TaskForm) Class.forName(candidate.getBeanClassName()).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(candidate.getBeanClassName() + " needs a public constructor without arguments", e);
      }
    }
    return found;
  }

  private static FormOutputs outputs(String formId) {
    try (InputStream in = Files.newInputStream(FORMS.resolve(formId + ".form"))) {
      return FormOutputs.read(in);
    } catch (IOException e) {
      throw new AssertionError(formId, e);
    }
  }

  /** Only BPMN → forms: a form that no process references yet is allowed. */
  @Test
  void everyFormReferencedByAProcessExistsAndIsBoundToTheDeployment() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    int references = 0;
    for (Path bpmn : files(PROCESSES, ".bpmn")) {
      NodeList elements;
      try (InputStream in = Files.newInputStream(bpmn)) {
        elements = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "*");
      }
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        if (!element.hasAttributeNS(CAMUNDA_NS, "formRef")) {
          continue;
        }
        references++;
        String where = bpmn.getFileName() + " " + element.getAttribute("id");
        String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
        assertThat(forms).as("%s: camunda:formRef names a form in %s", where, FORMS).containsKey(formRef);
        assertThat(element.getAttributeNS(CAMUNDA_NS, "formRefBinding"))
            .as("%s: camunda:formRefBinding", where)
            .isEqualTo("deployment");
      }
    }
    assertThat(references).as("camunda:formRef in %s", PROCESSES).isPositive();
  }

  /** The fields a person answers, as the completion check reads them from the form (FormOutputs). */
  private static Set<String> submittedKeys(String formId) {
    return outputs(formId).inputs();
  }

  private static List<String> radioValues(String formId, String key) {
    JsonNode radio = components(form(formId)).stream()
        .filter(c -> key.equals(c.path("key").asText(null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(formId + " has no component with key " + key));
    assertThat(radio.path("type").asText()).as("%s: %s", formId, key).isEqualTo("radio");
    List<String> values = new ArrayList<>();
    radio.path("values").forEach(v -> values.add(v.path("value").asText()));
    return values;
  }

  private static JsonNode form(String formId) {
    assertThat(forms).as("forms").containsKey(formId);
    return forms.get(formId);
  }

  /** All components, including those nested in groups and dynamic lists. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
