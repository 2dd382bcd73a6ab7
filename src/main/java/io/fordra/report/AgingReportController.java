package io.fordra.report;

import io.fordra.interest.InterestRateTable;
import io.fordra.interest.MissingRate;
import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * GET /api/reports/aging[.csv|.html]?date=YYYY-MM-DD (default today): outstanding receivables by customer and
 * bucket, as JSON, as CSV for a spreadsheet (SpreadsheetCsv: a name that looks like a formula stays text), and as
 * a page with a bar chart per currency.
 */
@RestController
class AgingReportController {

  private static final List<String> LABELS = List.of("Not due", "1-30 days", "31-60 days", "61-90 days", "> 90 days");
  private static final List<String> COLOURS = List.of("#2e7d32", "#f9a825", "#ef6c00", "#d84315", "#b71c1c");

  private final AgingReport aging;
  private final FordraClock clock;
  private final InterestRateTable rates;

  public AgingReportController(AgingReport aging, FordraClock clock, InterestRateTable rates) {
    this.aging = aging;
    this.clock = clock;
    this.rates = rates;
  }

  @GetMapping("/api/reports/aging")
  public AgingReport.Report json(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate date) {
    // The interest on these receivables cannot be invoiced for days without a rate: said where finance looks.
    return aging.on(date == null ? clock.today() : date)
        .withMissingRates(rates.missing().stream().map(MissingRate::message).toList());
  }

  @GetMapping(value = "/api/reports/aging.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<String> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                    LocalDate date) {
    AgingReport.Report report = json(date);
    SpreadsheetCsv csv = new SpreadsheetCsv(List.of("customerNumber", "customerName", "currency", "notDue",
        "days1to30", "days31to60", "days61to90", "over90", "total", "invoices", "inPaymentPlan"));
    for (AgingReport.Row r : report.customers()) {
      csv.row(r.customerNumber(), r.customerName(), r.currency(), r.notDue(), r.days1to30(), r.days31to60(),
          r.days61to90(), r.over90(), r.total(), r.invoices(), r.inPaymentPlan());
    }
    for (AgingReport.Totals t : report.totals()) {
      csv.row(null, "TOTAL", t.currency(), t.notDue(), t.days1to30(), t.days31to60(), t.days61to90(), t.over90(),
          t.total(), t.invoices(), t.inPaymentPlan());
    }
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"aging-" + report.date() + ".csv\"")
        .body(csv.toString());
  }

  @GetMapping(value = "/api/reports/aging.html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String html(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    AgingReport.Report report = json(date);
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Aging " + report.date() + "</title><style>body{font-family:sans-serif;margin:2em;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{padding:4px 10px;border-bottom:1px solid #ddd;"
        + "text-align:right}td:first-child,th:first-child,td:nth-child(2),th:nth-child(2){text-align:left}"
        + "</style></head><body><h1>Outstanding receivables on " + report.date() + "</h1>");
    for (String missing : report.missingRates()) {
      page.append("<p class=\"warning\"><b>Interest cannot be invoiced: ").append(HtmlUtils.htmlEscape(missing))
          .append("</b> (enter it in Tasklist or POST /api/interest-rates).</p>");
    }
    if (report.totals().isEmpty()) {
      page.append("<p>Nothing is outstanding.</p>");
    }
    for (AgingReport.Totals t : report.totals()) {
      page.append("<h2>").append(t.currency()).append(": ").append(t.total().toPlainString()).append(" in ")
          .append(t.invoices()).append(t.invoices() == 1 ? " invoice</h2>" : " invoices</h2>").append(chart(t));
      page.append("<table><tr><th>Customer</th><th>Name</th>");
      LABELS.forEach(l -> page.append("<th>").append(l).append("</th>"));
      page.append("<th>Total</th><th>In payment plan</th></tr>");
      for (AgingReport.Row r : report.customers()) {
        if (r.currency().equals(t.currency())) {
          page.append("<tr><td>").append(HtmlUtils.htmlEscape(r.customerNumber())).append("</td><td>")
              .append(HtmlUtils.htmlEscape(r.customerName())).append("</td>");
          r.buckets().forEach(b -> page.append("<td>").append(b.toPlainString()).append("</td>"));
          page.append("<td><b>").append(r.total().toPlainString()).append("</b></td><td>")
              .append(r.inPaymentPlan().toPlainString()).append("</td></tr>");
        }
      }
      page.append("<tr><th>Total</th><th></th>");
      t.buckets().forEach(b -> page.append("<th>").append(b.toPlainString()).append("</th>"));
      page.append("<th>").append(t.total().toPlainString()).append("</th><th>")
          .append(t.inPaymentPlan().toPlainString()).append("</th></tr></table>");
    }
    return page.append("<p><a href=\"/api/reports/aging.csv?date=").append(report.date())
        .append("\">CSV</a></p></body></html>").toString();
  }

  /** One bar per bucket, its height the bucket's share of the largest bucket. */
  private static String chart(AgingReport.Totals t) {
    BigDecimal max = t.buckets().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"620\" height=\"240\" "
        + "role=\"img\" aria-label=\"Outstanding " + t.currency() + " by age\">");
    for (int i = 0; i < 5; i++) {
      BigDecimal value = t.buckets().get(i);
      int height = max.signum() == 0 ? 0
          : value.multiply(BigDecimal.valueOf(170)).divide(max, 0, RoundingMode.HALF_UP).intValue();
      int x = 20 + i * 120;
      svg.append("<rect x=\"").append(x).append("\" y=\"").append(190 - height).append("\" width=\"90\" height=\"")
          .append(height).append("\" fill=\"").append(COLOURS.get(i)).append("\"><title>").append(LABELS.get(i))
          .append(": ").append(value.toPlainString()).append("</title></rect>")
          .append("<text x=\"").append(x + 45).append("\" y=\"").append(185 - height)
          .append("\" text-anchor=\"middle\" font-size=\"12\">").append(value.toPlainString()).append("</text>")
          .append("<text x=\"").append(x + 45).append("\" y=\"210\" text-anchor=\"middle\" font-size=\"12\">")
          .append(LABELS.get(i)).append("</text>");
    }
    return svg.append("</svg>").toString();
  }
}
