package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The channel's run-time check: one rule set, built once, shared by concurrent validations. */
class PeppolRulesTest {

  private final PeppolRules rules = new PeppolRules();
  private final UblWriter writer = new UblWriter();

  @Test
  void validDocumentsPassAndBrokenOnesNameTheRuleAndWhere() {
    byte[] invoice = writer.invoice(UblWriterTest.seInvoice(null, "PO-4711", UblWriterTest.seLines()));
    byte[] broken = new String(invoice, StandardCharsets.UTF_8)
        .replace("<cbc:LineExtensionAmount currencyID=\"SEK\">7125.00</cbc:LineExtensionAmount>",
            "<cbc:LineExtensionAmount currencyID=\"SEK\">7000.00</cbc:LineExtensionAmount>")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(rules.errors(invoice, false)).isEmpty();
    List<ValidationError> errors = rules.errors(broken, false);
    assertThat(errors).extracting(ValidationError::ruleId).contains("BR-CO-10", "PEPPOL-EN16931-R120");
    assertThat(errors).allSatisfy(e -> assertThat(e.location()).contains("Invoice"));
    // An invoice is no credit note: the CreditNote schema rejects it.
    assertThat(rules.errors(invoice, true)).isNotEmpty();
    assertThat(rules.errors("<Invoice".getBytes(StandardCharsets.UTF_8), false)).singleElement()
        .satisfies(e -> assertThat(e.message()).startsWith("Not well-formed XML"));
  }

  @Test
  void concurrentValidationsShareTheRuleSet() throws Exception {
    byte[] invoice = writer.invoice(UblWriterTest.noInvoice());
    byte[] broken = new String(invoice, StandardCharsets.UTF_8).replace("NO974760673MVA", "NO974760673")
        .getBytes(StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<ValidationError>>> tasks = IntStream.range(0, 16)
          .mapToObj(i -> (Callable<List<ValidationError>>) () -> rules.errors(i % 2 == 0 ? invoice : broken, false))
          .toList();
      List<Future<List<ValidationError>>> results = pool.invokeAll(tasks);
      for (int i = 0; i < results.size(); i++) {
        List<ValidationError> errors = results.get(i).get();
        if (i % 2 == 0) {
          assertThat(errors).as("valid invoice, task %d", i).isEmpty();
        } else {
          assertThat(errors).as("broken invoice, task %d", i).extracting(ValidationError::ruleId).contains("NO-R-001");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
