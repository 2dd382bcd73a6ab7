package io.fordra.distribution;

import io.fordra.kernel.InvalidRequestException;
import io.fordra.process.InvoiceDistribution;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Correct distribution deviation" completed: refuses an incomplete or wrong answer (the message shows in Tasklist
 * and the task stays open), otherwise corrects the customer's address and lets sending resume on the normal rules.
 */
@Component
class CorrectDeviation implements TaskListener {

  private final DeviationService deviations;

  public CorrectDeviation(DeviationService deviations) {
    this.deviations = deviations;
  }

  /** A violation as Tasklist shows it: the form's label, then the reason. */
  private static String sentence(io.fordra.kernel.Violation v) {
    String label = switch (v.field()) {
      case "invoiceEmail" -> "The e-mail address ";
      case "address.street" -> "The street ";
      case "address.postalCode" -> "The postal code ";
      case "address.city" -> "The city ";
      case "channel" -> "The channel: ";
      default -> "";
    };
    String text = label + v.message();
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  @Override
  public void notify(DelegateTask task) {
    String user = task.getAssignee() != null ? task.getAssignee()
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    DeviationService.Corrected corrected;
    try {
      corrected = deviations.correct(InvoiceDistribution.DOCUMENT_ID.from(task), new DeviationService.Correction(
          InvoiceDistribution.DEVIATION_ACTION.from(task), InvoiceDistribution.REQUESTED_CHANNEL.from(task),
          CorrectDeviationForm.EMAIL.from(task), CorrectDeviationForm.STREET.from(task),
          CorrectDeviationForm.POSTAL_CODE.from(task), CorrectDeviationForm.CITY.from(task),
          CorrectDeviationForm.COMMENT.from(task), user));
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException(e.violations().stream().map(CorrectDeviation::sentence)
          .reduce((a, b) -> a + "; " + b).orElse(e.getMessage()));
    }
    if (corrected.send()) {
      // Sending resumes on the normal rules: the customer's (corrected) channel, or the one named here.
      InvoiceDistribution.DEVIATION.set(task, false);
      InvoiceDistribution.FAILED_CHANNEL.set(task, null);
      InvoiceDistribution.REQUESTED_CHANNEL.set(task, corrected.channel() == null ? null : corrected.channel().name());
    }
  }
}
