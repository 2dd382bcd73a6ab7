package io.fordra.distribution;

import io.fordra.process.InvoiceDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** {@link InvoiceDistributions} on Camunda: an invoice-distribution instance per sending, in the same transaction. */
@Component
class EngineInvoiceDistributions implements InvoiceDistributions {

  private final RuntimeService runtime;

  EngineInvoiceDistributions(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void sendAgain(String invoiceNumber, long documentId, int attempt, String requestedChannel) {
    runtime.createProcessInstanceByKey(InvoiceDistribution.KEY)
        .businessKey(invoiceNumber)
        .setVariables(Variables.createVariables()
            .putValue(InvoiceDistribution.INVOICE_NUMBER.name(), invoiceNumber)
            .putValue(InvoiceDistribution.DOCUMENT_ID.name(), documentId)
            .putValue(InvoiceDistribution.SEND_ATTEMPT.name(), attempt)
            .putValue(InvoiceDistribution.REQUESTED_CHANNEL.name(), requestedChannel))
        .execute();
  }

  @Override
  public Optional<Sending> underWay(String invoiceNumber, long documentId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(InvoiceDistribution.KEY)
        .processInstanceBusinessKey(invoiceNumber)
        .variableValueEquals(InvoiceDistribution.DOCUMENT_ID.name(), documentId)
        .list().stream().findFirst().map(instance -> {
          Object attempt = runtime.getVariable(instance.getId(), InvoiceDistribution.SEND_ATTEMPT.name());
          ActivityInstance tree = runtime.getActivityInstance(instance.getId());
          List<String> at = new ArrayList<>();
          if (tree != null) {
            leaves(tree, at);
          }
          return new Sending(attempt instanceof Integer n ? n : 1, String.join(", ", at));
        });
  }

  private static void leaves(ActivityInstance activity, List<String> names) {
    if (activity.getChildActivityInstances().length == 0 && activity.getChildTransitionInstances().length == 0) {
      names.add(activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName());
    }
    for (ActivityInstance child : activity.getChildActivityInstances()) {
      leaves(child, names);
    }
    for (var transition : activity.getChildTransitionInstances()) {
      // An asyncBefore job not run yet: the step it is about to take.
      names.add(transition.getActivityName() == null ? transition.getActivityId() : transition.getActivityName());
    }
  }
}
