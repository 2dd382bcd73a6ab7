package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.commons.error.IError;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.peppol.PeppolValidation2024_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.CreditNote;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E-invoices of real invoices and credit notes, checked with phive's PEPPOL BIS Billing 3.0 rules independently of
 * the channel's own check (a rule set of the test's own, as UblWriterTest builds it).
 */
abstract class EInvoiceTestSupport extends ProcessTestSupport {

  private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY =
      new ValidationExecutorSetRegistry<>();

  static {
    PeppolValidation2024_11.init(REGISTRY);
  }

  static final IValidationExecutorSet<IValidationSourceXML> INVOICE_RULES =
      REGISTRY.getOfID(PeppolValidation2024_11.VID_OPENPEPPOL_INVOICE_UBL_V3);
  static final IValidationExecutorSet<IValidationSourceXML> CREDIT_NOTE_RULES =
      REGISTRY.getOfID(PeppolValidation2024_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3);

  @Autowired protected DocumentService documents;
  @Autowired protected EInvoiceService einvoices;
  @Autowired protected EInvoiceProperties properties;

  /** A business customer reached over PEPPOL at scheme:id (no electronic address when scheme is null). */
  protected static CustomerRequest eCustomer(Country country, String language, String scheme, String id) {
    CustomerRequest c = customer(CustomerType.BUSINESS, country, false, true);
    return new CustomerRequest(c.customerNumber(), c.name(), c.type(), c.priority(), c.country(),
        c.organisationNumber(), c.email(), c.invoiceEmail(), c.address(), c.reminderFeeAgreed(), Channel.EINVOICE,
        language, scheme == null ? null : new CustomerRequest.ElectronicAddressRequest(scheme, id));
  }

  protected static InvoiceRequest.LineRequest line(String description, String quantity, String unitPrice,
                                                   String vatRate, String orderReference) {
    return new InvoiceRequest.LineRequest(description, new BigDecimal(quantity), new BigDecimal(unitPrice),
        new BigDecimal(vatRate), null, orderReference);
  }

  protected Invoice invoice(CustomerRequest customer, Currency currency, List<InvoiceRequest.LineRequest> lines) {
    String number = "E-" + UUID.randomUUID().toString().substring(0, 8);
    return invoices.create(new InvoiceRequest(number, customer.customerNumber(), customer, LocalDate.of(2026, 3, 2),
        LocalDate.of(2026, 4, 1), currency, lines, null, null));
  }

  /** The invoice's letter (the PDF), as invoice-to-cash issues it. */
  protected StoredDocument letter(Invoice invoice) {
    return documents.issue(invoice, DocumentKind.INVOICE, 1, BigDecimal.ZERO.setScale(2), invoice.dueDate());
  }

  /** Credits the amount and issues the credit note's letter. */
  protected StoredDocument credit(Invoice invoice, String amount, String reason) {
    Invoice credited = invoices.credit(reload(invoice), new BigDecimal(amount), reason);
    List<CreditNote> credits = invoices.creditNotes(credited);
    return documents.issueCreditNote(credited, credits.get(credits.size() - 1).id());
  }

  protected Path outbox() {
    return Path.of(properties.outbox());
  }

  protected byte[] outboxFile(String fileName) throws IOException {
    return Files.readAllBytes(outbox().resolve(fileName));
  }

  protected List<StoredDocument> renditions(Invoice invoice) {
    return documents.forInvoice(invoice).stream().filter(StoredDocument::isRendition).toList();
  }

  protected void assertNoTempFiles() throws IOException {
    try (Stream<Path> files = Files.list(outbox())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp") || n.startsWith("."));
    }
  }

  /** The UBL passes every layer (XSD, EN 16931, PEPPOL BIS incl. national rules) without an error or rule warning. */
  static void assertPeppolValid(byte[] ubl, boolean creditNote, String what) throws Exception {
    IValidationExecutorSet<IValidationSourceXML> rules = creditNote ? CREDIT_NOTE_RULES : INVOICE_RULES;
    ValidationResultList result = UblWriterTest.validate(rules, ubl);
    String summary = UblWriterTest.summary(what, result);
    System.out.println(summary);
    assertThat(result.containsNoError()).as("%s%n%s", summary, new String(ubl, StandardCharsets.UTF_8)).isTrue();
    assertThat(result.stream().filter(r -> !r.isSkipped()).count()).as("all layers executed: %s", summary)
        .isEqualTo(rules.getAllExecutors().size());
    assertThat(UblWriterTest.ruleWarnings(result)).extracting(IError::getErrorID).as(summary).isEmpty();
  }

  static String text(byte[] ubl) {
    return new String(ubl, StandardCharsets.UTF_8);
  }
}
