package io.fordra.invoice;

import io.fordra.kernel.InvalidRequestException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

  private static final int MAX_LIST = 1000;

  private final InvoiceService invoices;
  private final DisputeSummaries disputes;
  private final PaymentPlanSummaries plans;

  public InvoiceController(InvoiceService invoices, DisputeSummaries disputes, PaymentPlanSummaries plans) {
    this.invoices = invoices;
    this.disputes = disputes;
    this.plans = plans;
  }

  @PostMapping
  public ResponseEntity<InvoiceView> create(@RequestBody InvoiceRequest request) {
    Invoice invoice = invoices.create(request);
    return ResponseEntity.created(URI.create("/api/invoices/" + invoice.invoiceNumber())).body(view(invoice));
  }

  @GetMapping("/{invoiceNumber}")
  public InvoiceView get(@PathVariable String invoiceNumber) {
    return view(invoices.get(invoiceNumber));
  }

  /** Invoices without lines and events; filter by customer, status and issue-date range. */
  @GetMapping
  public List<InvoiceView> search(@RequestParam(required = false) String customerNumber,
                                  @RequestParam(required = false) InvoiceStatus status,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIST);
    }
    List<Invoice> found = invoices.search(customerNumber, status, from, to, limit);
    List<Long> ids = found.stream().map(Invoice::id).toList();
    java.util.Map<Long, LocalDate> booked = invoices.bookingDates(ids);
    java.util.Map<Long, io.fordra.invoice.Supply> supplied = invoices.supplies(ids);
    return found.stream()
        .map(i -> InvoiceView.of(i, booked.get(i.id()), supplied.get(i.id()), List.of(), List.of(), null))
        .toList();
  }

  private InvoiceView view(Invoice invoice) {
    Invoice current = invoices.get(invoice.invoiceNumber());
    return InvoiceView.of(current, invoices.bookingDate(current), invoices.supply(current).orElse(null),
        invoices.lines(current), invoices.events(current),
        disputes.latestFor(current).orElse(null), plans.latestFor(current).orElse(null));
  }
}
