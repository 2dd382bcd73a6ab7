package io.fordra.report;

import io.fordra.process.FordraClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/reports/bad-debt-provision?date=YYYY-MM-DD (typically the year end): a proposed provision for doubtful
 * receivables per currency, each aging bucket times its configured percentage (fordra.valuation.provision-percent).
 * A proposal for the accountant: Fordra books nothing from it.
 */
@RestController
class ProvisionReportController {

  public record Bucket(String bucket, BigDecimal outstanding, BigDecimal percent, BigDecimal provision) {}

  public record Currency(String currency, List<Bucket> buckets, BigDecimal outstanding, BigDecimal provision) {}

  public record Proposal(LocalDate date, List<Currency> currencies) {}

  private final AgingReport aging;
  private final ProvisionProperties properties;
  private final FordraClock clock;

  public ProvisionReportController(AgingReport aging, ProvisionProperties properties, FordraClock clock) {
    this.aging = aging;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/api/reports/bad-debt-provision")
  public Proposal proposal(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                           LocalDate date) {
    AgingReport.Report report = aging.on(date == null ? clock.today() : date);
    List<Currency> currencies = new ArrayList<>();
    for (AgingReport.Totals t : report.totals()) {
      List<Bucket> buckets = new ArrayList<>();
      BigDecimal provision = BigDecimal.ZERO.setScale(2);
      for (int i = 0; i < AgingReport.BUCKETS.size(); i++) {
        BigDecimal percent = properties.provisionPercent().get(i);
        BigDecimal amount = t.buckets().get(i).multiply(percent).divide(BigDecimal.valueOf(100), 2,
            RoundingMode.HALF_UP);
        buckets.add(new Bucket(AgingReport.BUCKETS.get(i), t.buckets().get(i), percent, amount));
        provision = provision.add(amount);
      }
      currencies.add(new Currency(t.currency(), buckets, t.total(), provision));
    }
    return new Proposal(report.date(), currencies);
  }
}
