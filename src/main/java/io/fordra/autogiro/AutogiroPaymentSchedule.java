package io.fordra.autogiro;

import io.fordra.invoice.InvoiceClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When Autogiro payment files are written (fordra.autogiro.payment-file-cron, 6 fields in fordra.time-zone; "-" =
 * never), and the hook that withdraws a closed invoice's debit order.
 */
@Component
class AutogiroPaymentSchedule {

  private static final Logger log = LoggerFactory.getLogger(AutogiroPaymentSchedule.class);

  private final AutogiroPaymentFiles files;

  AutogiroPaymentSchedule(AutogiroPaymentFiles files) {
    this.files = files;
  }

  @Scheduled(cron = "${fordra.autogiro.payment-file-cron:0 0 7 * * *}", zone = "${fordra.time-zone:Europe/Stockholm}")
  void scheduledRun() {
    try {
      files.writeDue();
    } catch (RuntimeException e) {
      log.error("Writing the Autogiro payment file failed; the next run tries again", e);
    }
  }

  /** A paid or credited (or otherwise closed) invoice is not debited: in the transaction that closes it. */
  @EventListener
  void onInvoiceClosed(InvoiceClosed closed) {
    files.withdraw(closed.invoice(), closed.status());
  }
}
