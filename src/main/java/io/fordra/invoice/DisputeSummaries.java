package io.fordra.invoice;

import java.util.Optional;

/** The invoice's latest objection as GET /api/invoices/{n} shows it (implemented by the dispute capability). */
public interface DisputeSummaries {
  Optional<InvoiceView.DisputeView> latestFor(Invoice invoice);
}
