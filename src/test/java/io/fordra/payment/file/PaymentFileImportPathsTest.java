package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import io.fordra.ProcessPaths;
import io.fordra.payment.file.PaymentFileImport.Elements;
import io.fordra.payment.file.PaymentFileImport.MatchingElements;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * payment-file-import and payment-matching alone, started by their adapters, with mocked steps: a file whose payments
 * all matched, one with payments for finance to place, and one payment posted on its own.
 */
@Deployment(resources = {PaymentFileImport.RESOURCE, PaymentFileImport.MATCHING_RESOURCE})
public class PaymentFileImportPathsTest extends ProcessPaths {

  private final AtomicInteger chunksLeft = new AtomicInteger(2);
  private final List<Long> unmatched = new ArrayList<>();
  private final AtomicInteger keptAside = new AtomicInteger();

  @BeforeEach
  void mockTheSteps() {
    Mocks.register("bookPaymentChunk",
        (JavaDelegate) e -> PaymentFileImport.MORE.set(e, chunksLeft.decrementAndGet() > 0));
    Mocks.register("reportPaymentImport",
        (JavaDelegate) e -> {
          PaymentFileImport.UNMATCHED_PAYMENTS.set(e, new ArrayList<>(unmatched));
          PaymentFileImport.KEPT_ASIDE.set(e, keptAside.get());
        });
  }

  @Test
  void everyPaymentMatched() {
    ProcessInstance file = start(1L);
    run(file, Elements.BOOK_CHUNK);
    run(file, Elements.BOOK_CHUNK);
    reached(file, Elements.END_IMPORTED);
    assertThat(file).hasPassed(Elements.REPORT).hasNotPassed(Elements.MATCH_PAYMENT)
        .hasNotPassed(Elements.REVIEW_KEPT_ASIDE).isEnded();
  }

  @Test
  void financeReviewsTheEntriesKeptAside_oneTaskForTheFileBesideTheMatchPaymentTasks() {
    unmatched.add(11L);
    keptAside.set(3);
    chunksLeft.set(1);
    ProcessInstance file = start(3L);
    run(file, Elements.BOOK_CHUNK);
    assertThat(file).isWaitingAt(Elements.MATCH_PAYMENT, Elements.REVIEW_KEPT_ASIDE);
    Task review = taskQuery().processInstanceId(file.getId()).taskDefinitionKey(Elements.REVIEW_KEPT_ASIDE)
        .singleResult();
    assertThat(review).hasCandidateGroup("finance");
    complete(taskQuery().processInstanceId(file.getId()).taskDefinitionKey(Elements.MATCH_PAYMENT).singleResult());
    reached(file, Elements.END_ALL_MATCHED);
    assertThat(file).as("the review is still open").isNotEnded().isWaitingAt(Elements.REVIEW_KEPT_ASIDE);
    complete(review);
    reached(file, Elements.END_KEPT_ASIDE_REVIEWED);
    assertThat(file).isEnded();
  }

  @Test
  void aFileWhoseOnlyLeftoversAreKeptAsideWaitsForTheirReviewAlone() {
    keptAside.set(1);
    chunksLeft.set(1);
    ProcessInstance file = start(4L);
    run(file, Elements.BOOK_CHUNK);
    assertThat(taskQuery().processInstanceId(file.getId()).list()).singleElement()
        .satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo(Elements.REVIEW_KEPT_ASIDE));
    complete(task(file));
    reached(file, Elements.END_KEPT_ASIDE_REVIEWED);
    assertThat(file).hasNotPassed(Elements.MATCH_PAYMENT).hasNotPassed(Elements.END_IMPORTED).isEnded();
  }

  @Test
  void financePlacesEachPaymentThatNoRulePlaced() {
    unmatched.addAll(List.of(11L, 12L));
    chunksLeft.set(1);
    ProcessInstance file = start(2L);
    run(file, Elements.BOOK_CHUNK);
    List<Task> tasks = taskQuery().processInstanceId(file.getId()).list();
    assertThat(tasks).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("finance"));
    tasks.forEach(t -> complete(t));
    reached(file, Elements.END_ALL_MATCHED);
    assertThat(file).isEnded();
  }

  @Test
  void aPaymentPostedOnItsOwnIsPlacedByHand() {
    new EnginePaymentMatchings(runtimeService()).askFinance(7L);
    ProcessInstance matching = processInstanceQuery().processDefinitionKey(PaymentFileImport.MATCHING_KEY)
        .singleResult();
    assertThat(matching).isWaitingAt(MatchingElements.MATCH_PAYMENT);
    complete(task(matching));
    reached(matching, MatchingElements.END_PAYMENT_PLACED);
    assertThat(matching).isEnded();
  }

  private static ProcessInstance start(long paymentFileId) {
    new EnginePaymentFileImports(runtimeService()).start(paymentFileId);
    return processInstanceQuery().processInstanceBusinessKey(PaymentFileImport.businessKey(paymentFileId))
        .singleResult();
  }
}
