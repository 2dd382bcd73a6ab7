package io.fordra.distribution.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.commons.error.IError;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.peppol.PeppolValidation2024_11;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import io.fordra.distribution.einvoice.UblData.Address;
import io.fordra.distribution.einvoice.UblData.BillingReference;
import io.fordra.distribution.einvoice.UblData.Line;
import io.fordra.distribution.einvoice.UblData.Party;
import io.fordra.distribution.einvoice.UblData.Payment;
import io.fordra.invoice.Supply;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Produces PEPPOL BIS Billing 3.0 documents with {@link UblWriter} and validates them with the official
 * OpenPEPPOL rules (UBL 2.1 XSD, CEN EN 16931 UBL Schematron, PEPPOL BIS Schematron incl. NO/SE rules) via phive.
 */
class UblWriterTest {

  private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY =
      new ValidationExecutorSetRegistry<>();
  private static IValidationExecutorSet<IValidationSourceXML> invoiceVes;
  private static IValidationExecutorSet<IValidationSourceXML> creditNoteVes;

  private final UblWriter writer = new UblWriter();

  @BeforeAll
  static void registerRules() {
    // Newest PEPPOL BIS Billing 3 release shipped by phive-rules-peppol 3.2.3 (May 2025 release is not included).
    PeppolValidation2024_11.init(REGISTRY);
    invoiceVes = REGISTRY.getOfID(PeppolValidation2024_11.VID_OPENPEPPOL_INVOICE_UBL_V3);
    creditNoteVes = REGISTRY.getOfID(PeppolValidation2024_11.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3);
    assertThat(invoiceVes).isNotNull();
    assertThat(creditNoteVes).isNotNull();
  }

  // ---------------------------------------------------------------- parties

  static Party seSeller() {
    return new Party("Fordra Demo AB", "5560360793", "0007", "SE556036079301", "Godkänd för F-skatt",
        new Address("Storgatan 1", "Stockholm", "11122", "SE"), "0007", "5560360793");
  }

  static Party seBuyer() {
    return new Party("Kund Aktiebolag", "5565475489", "0007", null, null,
        new Address("Kungsgatan 10", "Göteborg", "41119", "SE"), "0007", "5565475489");
  }

  static Party noSeller() {
    return new Party("Fordra Norge AS", "974760673", "0192", "NO974760673MVA", "Foretaksregisteret",
        new Address("Karl Johans gate 1", "Oslo", "0154", "NO"), "0192", "974760673");
  }

  static Party noBuyer() {
    return new Party("Kunde Norge AS", "923609016", "0192", "NO923609016MVA", null,
        new Address("Forusbeen 50", "Stavanger", "4035", "NO"), "0192", "923609016");
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  static UblData seInvoice(String buyerRef, String orderRef, List<Line> lines) {
    return new UblData("INV-2025-0001", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "SEK", buyerRef,
        orderRef, seSeller(), seBuyer(), Payment.creditTransfer("SE4550000000058398257466", "1234567897"),
        "30 dagar netto", lines, null, null);
  }

  static List<Line> seLines() {
    return List.of(
        Line.of("1", "Konsulttjänst", d("7.5"), "HUR", d("950.00"), d("25")),
        Line.of("2", "Licens", d("3"), "EA", d("199.99"), d("25")));
  }

  // ---------------------------------------------------------------- tests

  @Test
  void seInvoiceWithOrderReference() throws Exception {
    UblData data = seInvoice(null, "PO-4711", seLines());
    byte[] xml = writer.invoice(data);
    assertValid(invoiceVes, xml, "SE invoice with order reference");
    String s = new String(xml, StandardCharsets.UTF_8);
    assertThat(s).contains("<cac:OrderReference><cbc:ID>PO-4711</cbc:ID></cac:OrderReference>")
        .doesNotContain("BuyerReference")
        // 7.5 * 950 + 3 * 199.99 = 7125.00 + 599.97 = 7724.97; VAT 25 % = 1931.24 (1931.2425)
        .contains("<cbc:LineExtensionAmount currencyID=\"SEK\">7724.97</cbc:LineExtensionAmount>")
        .contains("<cbc:TaxAmount currencyID=\"SEK\">1931.24</cbc:TaxAmount>")
        .contains("<cbc:PayableAmount currencyID=\"SEK\">9656.21</cbc:PayableAmount>");
  }

  /**
   * Issue 15: an invoice paid in part before it left asks for what is left (BT-115), stating the paid amount (BT-113)
   * so that the totals still add up (BR-CO-16), and passes the official rules.
   */
  @Test
  void anInvoicePaidInPartBeforeItLeftStatesThePaidAmountAndAsksForTheRest() throws Exception {
    UblData base = seInvoice(null, "PO-4711", seLines());
    UblData data = new UblData(base.number(), base.issueDate(), base.dueDate(), base.currency(),
        base.buyerReference(), base.orderReference(), base.seller(), base.buyer(), base.payment(),
        base.paymentTerms(), base.lines(), null, null, d("5000.00"), null);
    byte[] xml = writer.invoice(data);
    assertValid(invoiceVes, xml, "SE invoice paid in part");
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<cbc:TaxInclusiveAmount currencyID=\"SEK\">9656.21</cbc:TaxInclusiveAmount>"
            + "<cbc:PrepaidAmount currencyID=\"SEK\">5000.00</cbc:PrepaidAmount>"
            + "<cbc:PayableAmount currencyID=\"SEK\">4656.21</cbc:PayableAmount>");
    assertThat(UblWriter.totals(data).payable()).isEqualByComparingTo("4656.21");
  }

  /** Issue 15: the period or date of supply the PDF states (BG-14, BT-72) is in the e-invoice too. */
  @Test
  void theDateOrPeriodOfSupplyIsStated() throws Exception {
    UblData base = seInvoice(null, "PO-4711", seLines());
    byte[] period = writer.invoice(base.withSupply(new Supply(null, LocalDate.of(2025, 2, 1),
        LocalDate.of(2025, 2, 28))));
    assertValid(invoiceVes, period, "SE invoice of a period");
    assertThat(new String(period, StandardCharsets.UTF_8)).contains("<cac:InvoicePeriod><cbc:StartDate>2025-02-01"
        + "</cbc:StartDate><cbc:EndDate>2025-02-28</cbc:EndDate></cac:InvoicePeriod><cac:OrderReference>");
    byte[] delivered = writer.invoice(base.withSupply(new Supply(LocalDate.of(2025, 2, 27), null, null)));
    assertValid(invoiceVes, delivered, "SE invoice with a delivery date");
    assertThat(new String(delivered, StandardCharsets.UTF_8)).contains("</cac:AccountingCustomerParty><cac:Delivery>"
        + "<cbc:ActualDeliveryDate>2025-02-27</cbc:ActualDeliveryDate></cac:Delivery><cac:PaymentMeans>");
  }

  @Test
  void seInvoiceWithBuyerReferenceOnly() throws Exception {
    UblData data = seInvoice("Anna Andersson", null, seLines());
    byte[] xml = writer.invoice(data);
    assertValid(invoiceVes, xml, "SE invoice with buyer reference");
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<cbc:BuyerReference>Anna Andersson</cbc:BuyerReference>")
        .doesNotContain("OrderReference");
  }

  @Test
  void invoiceWithTwoVatRatesAndAZeroRateLine() throws Exception {
    List<Line> lines = List.of(
        Line.of("1", "Konsulttjänst", d("2"), "HUR", d("1000"), d("25")),
        Line.of("2", "Livsmedel", d("4"), "EA", d("37.50"), d("12")),
        new Line("3", "Utbildning", d("1"), "EA", d("500"), "E", d("0"),
            "Undantag från skatteplikt enligt 3 kap. 8 § mervärdesskattelagen"),
        Line.of("4", "Mer konsulttid", d("0.5"), "HUR", d("1000"), d("25")));
    UblData data = seInvoice("Anna Andersson", "PO-4712", lines);
    byte[] xml = writer.invoice(data);
    assertValid(invoiceVes, xml, "SE invoice 25/12/0 %");

    UblWriter.Totals totals = UblWriter.totals(data);
    assertThat(totals.subtotals()).hasSize(3);
    assertThat(totals.subtotals().get(0).taxableAmount()).isEqualByComparingTo("2500.00");
    assertThat(totals.subtotals().get(0).taxAmount()).isEqualByComparingTo("625.00");
    assertThat(totals.subtotals().get(1).taxableAmount()).isEqualByComparingTo("150.00");
    assertThat(totals.subtotals().get(1).taxAmount()).isEqualByComparingTo("18.00");
    assertThat(totals.subtotals().get(2).category()).isEqualTo("E");
    assertThat(totals.subtotals().get(2).taxAmount()).isEqualByComparingTo("0.00");
    assertThat(totals.lineExtension()).isEqualByComparingTo("3150.00");
    assertThat(totals.payable()).isEqualByComparingTo("3793.00");
  }

  @Test
  void noInvoiceEhf() throws Exception {
    UblData data = noInvoice();
    byte[] xml = writer.invoice(data);
    assertValid(invoiceVes, xml, "NO invoice (EHF)");
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<cbc:CompanyID>Foretaksregisteret</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID>")
        // 12500.00 + 25 % 3125.00; 550.80 + 15 % 82.62; 698.00 zero rated (Z)
        .contains("<cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent>")
        .contains("<cbc:PayableAmount currencyID=\"NOK\">16956.42</cbc:PayableAmount>");
  }

  @Test
  void countryRulesAreActive() throws Exception {
    // Without "Foretaksregisteret" the Norwegian rule NO-R-002 warns ...
    UblData no = noInvoice();
    Party s = no.seller();
    Party noWithout = new Party(s.name(), s.orgNo(), s.orgNoScheme(), s.vatNo(), null, s.address(),
        s.endpointScheme(), s.endpointId());
    ValidationResultList noResult = validate(invoiceVes, writer.invoice(new UblData(no.number(), no.issueDate(),
        no.dueDate(), no.currency(), no.buyerReference(), no.orderReference(), noWithout, no.buyer(),
        no.payment(), no.paymentTerms(), no.lines(), null, null)));
    System.out.println(summary("NO seller without Foretaksregisteret", noResult));
    assertThat(noResult.containsNoError()).isTrue();
    assertThat(ruleWarnings(noResult)).extracting(IError::getErrorID).containsExactly("NO-R-002");

    // ... and a Swedish seller may only use 25, 12 or 6 % (SE-R-006).
    ValidationResultList seResult = validate(invoiceVes, writer.invoice(seInvoice(null, "PO-1",
        List.of(Line.of("1", "Vara", d("1"), "EA", d("100"), d("20"))))));
    System.out.println(summary("SE seller with 20 % VAT", seResult));
    assertThat(errors(seResult)).extracting(IError::getErrorID).contains("SE-R-006");
  }

  @Test
  void inputChecks() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> seInvoice(null, " ", seLines()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BT-10");
    UblData cnWithoutPaymentMeans = new UblData("CN-1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31),
        "SEK", "ref", null, seSeller(), seBuyer(), null, null, seLines(), null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.creditNote(cnWithoutPaymentMeans))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static UblData noInvoice() {
    List<Line> lines = List.of(
        Line.of("1", "Rådgivning", d("10"), "HUR", d("1250.00"), d("25")),
        Line.of("2", "Matvarer", d("12"), "EA", d("45.90"), d("15")),
        Line.of("3", "Bøker", d("2"), "EA", d("349.00"), d("0")));
    return new UblData("NO-2025-100", LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 16), "NOK", "Ola Nordmann",
        "PO-9", noSeller(), noBuyer(), Payment.creditTransfer("15035010186", "0000123455"), null, lines, null,
        null);
  }

  @Test
  void seCreditNoteReferringToInvoice() throws Exception {
    UblData invoice = seInvoice(null, "PO-4711", seLines());
    UblData credit = new UblData("CN-2025-0001", LocalDate.of(2025, 3, 10), null, "SEK", invoice.buyerReference(),
        invoice.orderReference(), invoice.seller(), invoice.buyer(), null, null,
        List.of(Line.of("1", "Licens (kreditering)", d("1"), "EA", d("199.99"), d("25"))),
        new BillingReference(invoice.number(), invoice.issueDate()), "Kreditering av en licens");
    byte[] xml = writer.creditNote(credit);
    assertValid(creditNoteVes, xml, "SE credit note");
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
        .contains("<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-2025-0001</cbc:ID>");
  }

  @Test
  void noCreditNote() throws Exception {
    UblData invoice = noInvoice();
    UblData credit = new UblData("NO-CN-2025-7", LocalDate.of(2025, 4, 20), LocalDate.of(2025, 5, 4), "NOK",
        invoice.buyerReference(), null, invoice.seller(), invoice.buyer(),
        Payment.creditTransfer("15035010186", null), null,
        List.of(Line.of("1", "Rådgivning (kreditert)", d("2"), "HUR", d("1250.00"), d("25")),
            Line.of("2", "Matvarer (kreditert)", d("1"), "EA", d("45.90"), d("15"))),
        new BillingReference(invoice.number(), invoice.issueDate()), null);
    byte[] xml = writer.creditNote(credit);
    assertValid(creditNoteVes, xml, "NO credit note");
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<cbc:PaymentDueDate>2025-05-04</cbc:PaymentDueDate>")
        .doesNotContain("<cbc:DueDate>");
  }

  @Test
  void brokenLineTotalIsReportedByPhive() throws Exception {
    String good = new String(writer.invoice(seInvoice(null, "PO-4711", seLines())), StandardCharsets.UTF_8);
    // Line 1 is 7.5 h × 950.00 = 7125.00; claim 7000.00 instead.
    String broken = good.replace("<cbc:LineExtensionAmount currencyID=\"SEK\">7125.00</cbc:LineExtensionAmount>",
        "<cbc:LineExtensionAmount currencyID=\"SEK\">7000.00</cbc:LineExtensionAmount>");
    assertThat(broken).isNotEqualTo(good);

    ValidationResultList result = validate(invoiceVes, broken.getBytes(StandardCharsets.UTF_8));
    System.out.println(summary("broken line total", result));
    assertThat(result.containsAtLeastOneError()).isTrue();
    assertThat(errors(result)).anyMatch(e -> e.getErrorID() != null
        && (e.getErrorID().equals("BR-CO-10") || e.getErrorID().equals("PEPPOL-EN16931-R120")));
  }

  // ---------------------------------------------------------------- phive helpers

  static ValidationResultList validate(IValidationExecutorSet<IValidationSourceXML> ves, byte[] xml)
      throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    return ValidationExecutionManager.executeValidation(ves, ValidationSourceXML.create("ubl.xml", doc),
        Locale.ENGLISH);
  }

  static List<IError> errors(ValidationResultList result) {
    return result.getAllErrors().stream().collect(Collectors.toList());
  }

  /** Rule-level warnings (schematron asserts with flag "warning"), not XSLT engine notices. */
  static List<IError> ruleWarnings(ValidationResultList result) {
    return result.stream().flatMap(r -> r.getErrorList().stream())
        .filter(e -> !e.isError() && e.getErrorID() != null).collect(Collectors.toList());
  }

  static void assertValid(IValidationExecutorSet<IValidationSourceXML> ves, byte[] xml, String what)
      throws Exception {
    ValidationResultList result = validate(ves, xml);
    String summary = summary(what, result);
    System.out.println(summary);
    assertThat(result.containsNoError())
        .as("%s%n%s", summary, new String(xml, StandardCharsets.UTF_8))
        .isTrue();
    assertThat(result.stream().filter(r -> !r.isSkipped()).count())
        .as("all validation layers executed: %s", summary)
        .isEqualTo(ves.getAllExecutors().size());
    // Not required by PEPPOL, but Fordra's documents currently trigger no rule warnings either.
    assertThat(ruleWarnings(result)).as(summary).isEmpty();
  }

  static String summary(String what, ValidationResultList result) {
    StringBuilder sb = new StringBuilder(what).append(':');
    for (ValidationResult r : result) {
      long errors = r.getErrorList().stream().filter(IError::isError).count();
      long warnings = r.getErrorList().stream().filter(e -> !e.isError() && e.getErrorID() != null).count();
      long notices = r.getErrorList().size() - errors - warnings; // e.g. Saxon notices while compiling the XSLT
      sb.append(System.lineSeparator()).append("  ")
          .append(r.getValidationArtefact().getRuleResourcePath())
          .append(r.isSkipped() ? " SKIPPED" : "")
          .append(" errors=").append(errors).append(" warnings=").append(warnings)
          .append(notices > 0 ? " engineNotices=" + notices : "");
      for (IError e : r.getErrorList()) {
        sb.append(System.lineSeparator()).append("    ").append(e.getAsString(Locale.ENGLISH));
      }
    }
    return sb.toString();
  }
}
