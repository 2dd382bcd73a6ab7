package io.fordra.process;

import io.fordra.invoice.InvoiceToCash;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test only: a start listener on invoice-to-cash's "Check settlement" (the first step after PaymentReceived and
 * InvoiceCredited, in the request's transaction, after the engine has read the instance tree) that, once armed, holds
 * that transaction until the test has changed the tree in another transaction.
 */
@TestConfiguration
public class HoldCheckSettlement {

  /** One hold: reached when the request waits, released by the test. */
  public record Hold(CountDownLatch reached, CountDownLatch release) {}

  private static final AtomicReference<Hold> ARMED = new AtomicReference<>();

  /** Holds the next "Check settlement" (only that one: a retry passes). */
  public static Hold armOnce() {
    return arm(ARMED);
  }

  public static void disarm() {
    ARMED.set(null);
  }

  @Bean
  AbstractProcessEnginePlugin holdCheckSettlementPlugin() {
    ExecutionListener hold = holding(ARMED, "Check settlement");
    return withParseListener(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (Set.of(InvoiceToCash.Elements.APPLY_PAYMENT, InvoiceToCash.Elements.CHECK_CREDIT)
            .contains(activity.getId())) {
          activity.addListener(ExecutionListener.EVENTNAME_START, hold);
        }
      }
    });
  }

  /** A new hold, armed in the reference: the next listener that takes it waits there until it is released. */
  static Hold arm(AtomicReference<Hold> armed) {
    Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
    armed.set(hold);
    return hold;
  }

  /** A listener that, when a hold is armed, takes it (once), says it is reached and waits for its release. */
  static ExecutionListener holding(AtomicReference<Hold> armed, String where) {
    return execution -> {
      Hold hold = armed.getAndSet(null);
      if (hold != null) {
        hold.reached().countDown();
        if (!hold.release().await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released " + where);
        }
      }
    };
  }

  /** An engine plugin that adds the parse listener to the deployed models. */
  static AbstractProcessEnginePlugin withParseListener(AbstractBpmnParseListener listener) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
          configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
      }
    };
  }
}
