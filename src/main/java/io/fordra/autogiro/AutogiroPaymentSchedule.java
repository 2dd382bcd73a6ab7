package io.fordra.autogiro;

import io.fordra.invoice.InvoiceClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When Autogiro payment files and AvtaleGiro claim files are written (fordra.autogiro.payment-file-cron,
 * fordra.avtalegiro.claim-file-cron: 6 fields in fordra.time-zone; "-" = never), and the hooks that withdraw a closed
 * invoice's debit order and mark a paid one DEBITED.
 */
@Component
class AutogiroPaymentSchedule {

  private static final Logger log = LoggerFactory.getLogger(AutogiroPaymentSchedule.class);

  private final AutogiroPaymentFiles files;
  private final AvtaleGiroClaimFiles claims;

  AutogiroPaymentSchedule(AutogiroPaymentFiles files, AvtaleGiroClaimFiles claims) {
    this.files = files;
    this.claims = claims;
  }

  @Scheduled(cron = "${fordra.autogiro.payment-file-cron:0 0 7 * * *}", zone = "${fordra.time-zone:Europe/Stockholm}")
  void scheduledRun() {
    try {
      files.writeDue();
    } catch (RuntimeException e) {
      log.error("Writing the Autogiro payment file failed; the next run tries again", e);
    }
  }

  @Scheduled(cron = "${fordra.avtalegiro.claim-file-cron:0 0 7 * * *}", zone = "${fordra.time-zone:Europe/Stockholm}")
  void scheduledClaims() {
    try {
      claims.writeDue();
    } catch (RuntimeException e) {
      log.error("Writing the AvtaleGiro claim file failed; the next run tries again", e);
    }
  }

  /** A paid or credited (or otherwise closed) invoice is not debited: in the transaction that closes it. */
  @EventListener
  void onInvoiceClosed(InvoiceClosed closed) {
    files.withdraw(closed.invoice(), closed.status());
    claims.withdraw(closed.invoice(), closed.status());
  }

  /** A payment booked on an invoice whose AvtaleGiro claim is due: the debit came back (by KID). */
  @EventListener
  void onPaymentBooked(io.fordra.invoice.InvoiceFollowUp.PaymentBooked booked) {
    claims.paid(booked.invoiceNumber());
  }
}
