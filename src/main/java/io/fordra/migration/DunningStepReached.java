package io.fordra.migration;

import io.fordra.invoice.InvoiceFollowUp;
import io.fordra.invoice.InvoiceStatus;

/** How far the previous system's dunning had come with an invoice (column dunningStep). */
enum DunningStepReached {
  NONE(InvoiceFollowUp.Stage.DUE_DATE, InvoiceStatus.SENT),
  REMINDED(InvoiceFollowUp.Stage.REMINDER_DEADLINE, InvoiceStatus.REMINDED),
  COLLECTION_NOTICE(InvoiceFollowUp.Stage.COLLECTION_NOTICE_DEADLINE, InvoiceStatus.COLLECTION_NOTICE_SENT),
  WITH_AGENCY(InvoiceFollowUp.Stage.WITH_AGENCY, InvoiceStatus.IN_COLLECTION);

  final InvoiceFollowUp.Stage stage;
  final InvoiceStatus status;

  DunningStepReached(InvoiceFollowUp.Stage stage, InvoiceStatus status) {
    this.stage = stage;
    this.status = status;
  }
}
