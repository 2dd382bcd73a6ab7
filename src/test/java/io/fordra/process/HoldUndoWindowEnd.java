package io.fordra.process;

import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test only: an end listener on invoice-distribution's "Undo window passed" that, once armed, holds the transaction
 * ending it. A payment in full cancels the called instance from its parent: the engine has then read the called
 * instance's root execution, and reads its jobs and variables only after the listener. Held there, another transaction
 * can change that execution and commit, as the called instance's timer or send job does in the race of issue 17.
 */
@TestConfiguration
public class HoldUndoWindowEnd {

  private static final AtomicReference<HoldCheckSettlement.Hold> ARMED = new AtomicReference<>();

  /** Holds the next end of the undo-window wait (only that one: a retry passes). */
  public static HoldCheckSettlement.Hold armOnce() {
    return HoldCheckSettlement.arm(ARMED);
  }

  public static void disarm() {
    ARMED.set(null);
  }

  @Bean
  AbstractProcessEnginePlugin holdUndoWindowEndPlugin() {
    ExecutionListener hold = HoldCheckSettlement.holding(ARMED, "the undo window's end");
    return HoldCheckSettlement.withParseListener(new AbstractBpmnParseListener() {
      @Override
      public void parseIntermediateTimerEventDefinition(Element timerEventDefinition, ActivityImpl timerActivity) {
        if (InvoiceDistribution.Elements.UNDO_WINDOW.equals(timerActivity.getId())) {
          timerActivity.addListener(ExecutionListener.EVENTNAME_END, hold);
        }
      }
    });
  }
}
