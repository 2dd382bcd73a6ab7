package io.fordra.document;

import static io.fordra.document.LetterRendererTest.assertContains;
import static io.fordra.document.LetterRendererTest.text;
import static io.fordra.document.Letters.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.Customer;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.document.paynow.QrDecoder;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import io.fordra.paymentplan.PaymentPlanProperties;
import io.fordra.paymentplan.PaymentPlanView;
import io.fordra.paymentplan.PaymentPlanView.InstalmentView;
import io.fordra.paymentplan.PlanKind;
import io.fordra.paymentplan.PlanLetterService;
import io.fordra.paymentplan.PlanLetters;
import io.fordra.paymentplan.PlanRequest;
import io.fordra.paymentplan.PlanStatus;
import io.fordra.process.FordraClock;
import io.fordra.reference.PaymentReferences;
import io.fordra.seller.SellerProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment plan's four letters as the debtor reads them: rendered by the real renderer through {@link PlanLetterService}
 * and {@link DocumentService}, the PDF's text extracted and its "Betala med QR" code read back with zxing. The plans are
 * built here (no plan store): a Swedish one in SEK with the 170 kronor fee, a Norwegian one in NOK with KIDs and none.
 * The document table is a list in memory.
 */
class PlanLetterDocumentTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
  private static final LocalDate ISSUED = LocalDate.of(2026, 9, 1);
  private static final LocalDate DUE = LocalDate.of(2026, 10, 1);

  private static final SellerProperties SWEDISH_SELLER = Letters.SELLER;
  private static final SellerProperties NORWEGIAN_SELLER = new SellerProperties("Eksempelfirma AS", "923456783",
      "NO923456783MVA", "Storgata 7", "0155", "Oslo", Country.NO, "faktura@eksempelfirma.no", "+47 22 33 44 55", null,
      "1503.12.34567", "");

  private static final Customer ANNA = new Customer("C-1", "Anna Svensson", CustomerType.PRIVATE, false, Country.SE,
      null, "anna@example.se", null, new Customer.Address("Storgatan 1", "111 22", "Stockholm", "SE"), false,
      Channel.EMAIL, "sv", null, NOW, null, null, null, false);
  private static final Customer OLA = new Customer("C-2", "Ola Nordmann", CustomerType.PRIVATE, false, Country.NO,
      null, "ola@example.no", null, new Customer.Address("Storgata 1", "0150", "Oslo", "NO"), false, Channel.EMAIL,
      "nb", null, NOW, null, null, null, false);

  /** Each instalment's own reference, made as InstalmentReferences makes them. */
  private static final String OCR_1 = PaymentReferences.swedishOcr("9000000001");
  private static final String OCR_2 = PaymentReferences.swedishOcr("9000000002");
  private static final String OCR_3 = PaymentReferences.swedishOcr("9000000003");
  private static final String KID_1 = PaymentReferences.norwegianKid("9000000004");
  private static final String KID_2 = PaymentReferences.norwegianKid("9000000005");

  private final DocumentRepository repository = mock(DocumentRepository.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final CustomerService customers = mock(CustomerService.class);
  private final FordraClock clock = mock(FordraClock.class);
  private final List<StoredDocument> stored = new ArrayList<>();

  @BeforeEach
  void twoInvoicesOfAnnaAndOneOfOla() {
    when(clock.now()).thenReturn(NOW);
    when(clock.today()).thenReturn(TODAY);
    when(clock.zone()).thenReturn(ZoneId.of("Europe/Stockholm"));
    when(customers.get("C-1")).thenReturn(ANNA);
    when(customers.get("C-2")).thenReturn(OLA);
    // 1 250.00 and 860.00 open (fees and a part payment included): 2 110.00 SEK.
    invoice(invoice(11, "F-2026-0011", "C-1", Currency.SEK, "1250.00", "0.00", "0.00", "10001107"));
    invoice(invoice(12, "F-2026-0012", "C-1", Currency.SEK, "1000.00", "200.00", "60.00", "10001206"));
    invoice(invoice(21, "NO-2026-0021", "C-2", Currency.NOK, "15000.00", "0.00", "0.00", "0000210016"));
    // The document table: insert appends, find reads back.
    when(repository.insert(any())).thenAnswer(call -> {
      StoredDocument d = call.getArgument(0);
      long id = stored.size() + 1;
      stored.add(new StoredDocument(id, d.invoiceId(), d.kind(), d.sequenceNumber(), d.fileName(), d.mediaType(),
          d.content(), d.amountDue(), d.fee(), d.payBy(), d.messageId(), d.createdAt(), null, null, null, 0, null,
          null, d.paymentReference()));
      return id;
    });
    when(repository.find(anyLong())).thenAnswer(call -> stored.stream()
        .filter(d -> d.id() == (long) call.getArgument(0)).findFirst());
    when(repository.findByMessageId(anyLong(), anyString())).thenAnswer(call -> stored.stream()
        .filter(d -> d.invoiceId() == (long) call.getArgument(0) && d.messageId().equals(call.getArgument(1)))
        .findFirst());
    when(repository.nextSequence(anyLong(), any())).thenAnswer(call -> (int) stored.stream()
        .filter(d -> d.invoiceId() == (long) call.getArgument(0) && d.kind() == call.getArgument(1)).count() + 1);
  }

  private PlanLetters letters(SellerProperties seller) {
    DocumentService documents = new DocumentService(repository, invoices, customers, new LetterRenderer(), seller,
        clock, (invoiceNumber, step) -> "<" + invoiceNumber + "." + step + "@fordra.test>");
    return new PlanLetterService(documents, invoices, new PaymentPlanProperties(null, null, null, null, null, null),
        clock);
  }

  // ---- Sweden: SEK, OCR, 170 kronor fee, Betala med QR --------------------------------------------------------------

  /** 2 110.00 SEK over two invoices + 170.00 fee = 2 280.00 in three instalments from 1 December. */
  private static PaymentPlanView swedishPlan(PlanStatus status, boolean interestRuns, String paid,
                                             InstalmentView... instalments) {
    List<InstalmentView> schedule = instalments.length > 0 ? List.of(instalments) : List.of(
        new InstalmentView(1, LocalDate.of(2026, 12, 1), new BigDecimal("760.00"), OCR_1, BigDecimal.ZERO, "OPEN"),
        new InstalmentView(2, LocalDate.of(2027, 1, 1), new BigDecimal("760.00"), OCR_2, BigDecimal.ZERO, "OPEN"),
        new InstalmentView(3, LocalDate.of(2027, 2, 1), new BigDecimal("760.00"), OCR_3, BigDecimal.ZERO, "OPEN"));
    return new PaymentPlanView(41, "PP-41", "C-1", PlanKind.INSTALMENTS, status, "SEK",
        List.of("F-2026-0011", "F-2026-0012"), new BigDecimal("2110.00"), new BigDecimal("170.00"),
        new BigDecimal("2280.00"), new BigDecimal(paid), 3, LocalDate.of(2026, 12, 1), null, null, interestRuns,
        PlanRequest.RequestedBy.CUSTOMER, "payment-plan-policy", "within policy", NOW, schedule);
  }

  @Test
  void theSwedishPlanShowsTheScheduleWithEachOcrTheFeeAndItsLawInterestAndHowToPay() {
    StoredDocument letter = letters(SWEDISH_SELLER).agreed(swedishPlan(PlanStatus.RUNNING, true, "0.00"));

    assertThat(letter.kind()).isEqualTo(DocumentKind.PAYMENT_PLAN);
    assertThat(letter.invoiceId()).as("stored with the plan's first invoice").isEqualTo(11);
    assertThat(letter.fileName()).isEqualTo("payment-plan-PP-41-F-2026-0011.pdf");
    assertThat(letter.paymentReference()).isEqualTo(OCR_1);
    assertThat(letter.amountDue()).isEqualByComparingTo("760.00");
    assertThat(letter.payBy()).isEqualTo(LocalDate.of(2026, 12, 1));
    String text = text(letter.content());
    assertContains(text, "Avbetalningsplan", "Plannummer | PP-41", "Kundnummer | C-1", "Anna Svensson",
        "Exempelbolaget AB",
        // the covered invoices with what is open on each
        "F-2026-0011 | 2026-10-01 | 1 250,00", "F-2026-0012 | 2026-10-01 | 860,00",
        "Skuld som omfattas av planen | 2 110,00", "Avgift för avbetalningsplan | 170,00",
        "Totalt att betala enligt planen | 2 280,00 SEK",
        "lag (1981:739) om ersättning för inkassokostnader", "högst 170 kr",
        // the instalments: number, due date, amount, own OCR; and their total
        "Nr | Förfallodatum | Belopp | OCR",
        "1 | 2026-12-01 | 760,00 | " + OCR_1, "2 | 2027-01-01 | 760,00 | " + OCR_2, "3 | 2027-02-01 | 760,00 | " + OCR_3,
        "Summa delbetalningar | 2 280,00 SEK",
        "Dröjsmålsränta enligt räntelagen fortsätter att löpa", "faktureras separat när planen är slutbetald",
        "till bankgiro 5050-1055 och ange delbetalningens eget OCR",
        "får du en påminnelse om den", "upphör avbetalningsplanen", "indrivningen med påminnelser och inkasso",
        // the payment box: the first instalment
        "Att betala | 760,00 SEK", "Betala senast | 2026-12-01", "OCR | " + OCR_1, "Betala med QR-kod");
    assertThat(text).doesNotContain("Ingen dröjsmålsränta");

    List<String> codes = codes(letter);
    assertThat(codes).as("one code in the letter").hasSize(1);
    JsonNode qr = QrDecoder.json(codes.get(0));
    assertThat(qr.get("iref").asText()).as("the first instalment's OCR").isEqualTo(OCR_1);
    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo("760.00");
    assertThat(qr.get("ddt").asText()).isEqualTo("20261201");
    assertThat(qr.get("acc").asText()).isEqualTo("5050-1055");
  }

  @Test
  void theFeeBookedOnTheFirstInvoiceAtApprovalIsShownOnceOnTheFeeLine() {
    // Approval charged the 170.00 on F-2026-0011: it owes 1 420.00 now.
    invoice(invoice(11, "F-2026-0011", "C-1", Currency.SEK, "1250.00", "0.00", "170.00", "10001107"));

    String text = text(letters(SWEDISH_SELLER).agreed(swedishPlan(PlanStatus.RUNNING, true, "0.00")).content());

    assertContains(text, "F-2026-0011 | 2026-10-01 | 1 250,00", "F-2026-0012 | 2026-10-01 | 860,00",
        "Skuld som omfattas av planen | 2 110,00", "Avgift för avbetalningsplan | 170,00",
        "Totalt att betala enligt planen | 2 280,00 SEK");
    assertThat(text).doesNotContain("1 420,00");
  }

  @Test
  void aPlanWithoutInterestSaysNoneRunsWhileItIsKept() {
    String text = text(letters(SWEDISH_SELLER).agreed(swedishPlan(PlanStatus.RUNNING, false, "0.00")).content());

    assertContains(text, "Ingen dröjsmålsränta tas ut på skulden så länge planen följs.");
    assertThat(text).doesNotContain("räntelagen fortsätter");
  }

  @Test
  void theSameLetterAskedForAgainIsTheStoredOne() {
    PlanLetters letters = letters(SWEDISH_SELLER);
    StoredDocument first = letters.agreed(swedishPlan(PlanStatus.RUNNING, true, "0.00"));

    assertThat(letters.agreed(swedishPlan(PlanStatus.RUNNING, true, "0.00")).id()).isEqualTo(first.id());
    assertThat(stored).hasSize(1);
    // The reminders about two instalments are two letters.
    StoredDocument second = letters.instalmentReminder(swedishPlan(PlanStatus.RUNNING, true, "0.00"), 2);
    StoredDocument third = letters.instalmentReminder(swedishPlan(PlanStatus.RUNNING, true, "0.00"), 3);
    assertThat(second.id()).isNotEqualTo(third.id());
    assertThat(List.of(second.sequenceNumber(), third.sequenceNumber())).containsExactly(1, 2);
  }

  @Test
  void theSwedishRefusalGivesTheReasonAndSaysFollowUpGoesOnWithoutAPaymentSlip() {
    PaymentPlanView refused = new PaymentPlanView(42, "PP-42", "C-1", PlanKind.INSTALMENTS, PlanStatus.REFUSED, "SEK",
        List.of("F-2026-0011"), new BigDecimal("1250.00"), BigDecimal.ZERO, null, BigDecimal.ZERO, 12, null, null,
        null, true, PlanRequest.RequestedBy.CUSTOMER, "kim", "Tolv delbetalningar är fler än vi kan godta", NOW,
        List.of());

    StoredDocument letter = letters(SWEDISH_SELLER).refused(refused);

    assertThat(letter.kind()).isEqualTo(DocumentKind.PAYMENT_PLAN_REFUSED);
    String text = text(letter.content());
    assertContains(text, "Besked om betalningsplan", "PP-42", "kan tyvärr inte bevilja den",
        "Skäl: Tolv delbetalningar är fler än vi kan godta", "F-2026-0011 | 2026-10-01 | 1 250,00",
        "vår uppföljning med påminnelser och inkasso fortsätter som tidigare");
    assertThat(text).doesNotContain("Att betala").doesNotContain("Betala med QR-kod");
    assertThat(codes(letter)).isEmpty();
  }

  @Test
  void theSwedishInstalmentReminderAsksForWhatIsLeftOfItWithItsOcrByTodayPlusTheGracePeriod() {
    // Instalment 2 (760.00) is late with 100.00 paid on it: 660.00 by 3 + 7 = 10 November.
    PaymentPlanView plan = swedishPlan(PlanStatus.RUNNING, true, "860.00",
        new InstalmentView(1, LocalDate.of(2026, 9, 1), new BigDecimal("760.00"), OCR_1, new BigDecimal("760.00"),
            "PAID"),
        new InstalmentView(2, LocalDate.of(2026, 10, 1), new BigDecimal("760.00"), OCR_2, new BigDecimal("100.00"),
            "LATE"),
        new InstalmentView(3, LocalDate.of(2026, 11, 1), new BigDecimal("760.00"), OCR_3, BigDecimal.ZERO, "OPEN"));

    StoredDocument letter = letters(SWEDISH_SELLER).instalmentReminder(plan, 2);

    assertThat(letter.kind()).isEqualTo(DocumentKind.INSTALMENT_REMINDER);
    assertThat(letter.payBy()).isEqualTo(TODAY.plusDays(7));
    assertThat(letter.paymentReference()).isEqualTo(OCR_2);
    assertThat(letter.fileName()).isEqualTo("instalment-reminder-PP-41.2-F-2026-0011.pdf");
    String text = text(letter.content());
    assertContains(text, "Påminnelse om delbetalning", "Delbetalning nr | 2",
        "delbetalning 2 i avbetalningsplan PP-41, som förföll 2026-10-01",
        "Betala 660,00 SEK senast 2026-11-10 och ange delbetalningens OCR-nummer " + OCR_2,
        "2 | 2026-10-01 | 760,00 | " + OCR_2,
        "Om delbetalningen inte är betald senast 2026-11-10 upphör avbetalningsplanen",
        "Att betala | 660,00 SEK", "Betala senast | 2026-11-10", "OCR | " + OCR_2);
    JsonNode qr = QrDecoder.json(codes(letter).get(0));
    assertThat(qr.get("iref").asText()).isEqualTo(OCR_2);
    assertThat(qr.get("due").decimalValue()).isEqualByComparingTo("660.00");
    assertThat(qr.get("ddt").asText()).isEqualTo("20261110");
  }

  @Test
  void theSwedishBrokenPlanSaysTheWholeRestIsDueAndCollectionResumes() {
    StoredDocument letter = letters(SWEDISH_SELLER).broken(swedishPlan(PlanStatus.BROKEN, true, "760.00"));

    assertThat(letter.kind()).isEqualTo(DocumentKind.PAYMENT_PLAN_BROKEN);
    assertThat(letter.amountDue()).isEqualByComparingTo("1520.00");
    String text = text(letter.content());
    assertContains(text, "Avbetalningsplanen har upphört", "Avbetalningsplan PP-41 har upphört",
        "Hela den återstående skulden, 1 520,00 SEK, är nu förfallen till betalning",
        "Totalt att betala enligt planen | 2 280,00", "Betalt enligt planen | -760,00",
        "Återstår att betala | 1 520,00 SEK", "F-2026-0012 | 2026-10-01 | 860,00",
        "återupptas med påminnelser och inkasso");
    assertThat(codes(letter)).isEmpty();
  }

  @Test
  void aSwedishDeferralGivesTheNewDateTheAmountAndTheInvoicesOwnOcr() {
    PaymentPlanView deferral = new PaymentPlanView(43, "PP-43", "C-1", PlanKind.DEFERRAL, PlanStatus.RUNNING, "SEK",
        List.of("F-2026-0011"), new BigDecimal("1250.00"), BigDecimal.ZERO, new BigDecimal("1250.00"),
        BigDecimal.ZERO, null, null, LocalDate.of(2026, 11, 20), null, true, PlanRequest.RequestedBy.CUSTOMER,
        "payment-plan-policy", "within policy", NOW, List.of());

    StoredDocument letter = letters(SWEDISH_SELLER).agreed(deferral);

    assertThat(letter.payBy()).isEqualTo(LocalDate.of(2026, 11, 20));
    String text = text(letter.content());
    assertContains(text, "Anstånd med betalning", "Den nya sista betalningsdagen är 2026-11-20",
        "Betala 1 250,00 SEK till bankgiro 5050-1055 senast 2026-11-20 och ange fakturans OCR-nummer 10001107",
        "Att betala | 1 250,00 SEK", "OCR | 10001107", "upphör anståndet");
    assertThat(text).doesNotContain("Avgift för avbetalningsplan").doesNotContain("Delbetalningar");
    assertThat(QrDecoder.json(codes(letter).get(0)).get("iref").asText())
        .isEqualTo("10001107");
  }

  // ---- Norway: NOK, KID, no fee, no QR --------------------------------------------------------------------------

  /** 15 000.00 NOK in two instalments, no fee. */
  private static PaymentPlanView norwegianPlan(PlanStatus status, String paid) {
    return new PaymentPlanView(51, "PP-51", "C-2", PlanKind.INSTALMENTS, status, "NOK", List.of("NO-2026-0021"),
        new BigDecimal("15000.00"), new BigDecimal("0.00"), new BigDecimal("15000.00"), new BigDecimal(paid), 2,
        LocalDate.of(2026, 12, 15), null, null, true, PlanRequest.RequestedBy.CASE_HANDLER, "kari", "ok", NOW,
        List.of(
            new InstalmentView(1, LocalDate.of(2026, 12, 15), new BigDecimal("7500.00"), KID_1, BigDecimal.ZERO,
                "OPEN"),
            new InstalmentView(2, LocalDate.of(2027, 1, 15), new BigDecimal("7500.00"), KID_2, BigDecimal.ZERO,
                "OPEN")));
  }

  @Test
  void theNorwegianPlanShowsEachKidAndTheAccountWithoutFeeOrCode() {
    StoredDocument letter = letters(NORWEGIAN_SELLER).agreed(norwegianPlan(PlanStatus.RUNNING, "0.00"));

    assertThat(letter.paymentReference()).isEqualTo(KID_1);
    String text = text(letter.content());
    assertContains(text, "Nedbetalingsplan", "Plannummer | PP-51", "Ola Nordmann", "Eksempelfirma AS",
        "NO-2026-0021 | 2026-10-01 | 15 000,00", "Gjeld som omfattes av planen | 15 000,00",
        "Totalt å betale etter planen | 15 000,00 NOK",
        "Nr. | Forfallsdato | Beløp | KID",
        "1 | 2026-12-15 | 7 500,00 | " + KID_1, "2 | 2027-01-15 | 7 500,00 | " + KID_2,
        "Sum avdrag | 15 000,00 NOK",
        "Forsinkelsesrente etter forsinkelsesrenteloven løper videre",
        "til kontonummer 1503.12.34567 og oppgi avdragets egen KID",
        "får du én påminnelse om det", "innkrevingen med purring og inkasso gjenopptas",
        "Å betale | 7 500,00 NOK", "KID | " + KID_1);
    assertThat(text).doesNotContain("Gebyr for nedbetalingsplan").doesNotContain("1981:739");
    assertThat(codes(letter)).as("no Betala med QR for a Norwegian seller").isEmpty();
  }

  @Test
  void theNorwegianRefusalReminderAndBrokenPlanSayWhatTheySayInNorwegian() {
    PlanLetters letters = letters(NORWEGIAN_SELLER);
    PaymentPlanView refusedPlan = new PaymentPlanView(52, "PP-52", "C-2", PlanKind.DEFERRAL, PlanStatus.REFUSED,
        "NOK", List.of("NO-2026-0021"), new BigDecimal("15000.00"), BigDecimal.ZERO, null, BigDecimal.ZERO, null,
        null, LocalDate.of(2027, 3, 1), null, true, PlanRequest.RequestedBy.CUSTOMER, "kari",
        "For lang utsettelse", NOW, List.of());

    String refused = text(letters.refused(refusedPlan).content());
    assertContains(refused, "Svar på søknad om betalingsordning", "om betalingsutsettelse for fakturaen nedenfor",
        "Begrunnelse: For lang utsettelse", "oppfølgingen med purring og inkasso fortsetter som før");

    StoredDocument reminder = letters.instalmentReminder(norwegianPlan(PlanStatus.RUNNING, "0.00"), 1);
    assertThat(reminder.paymentReference()).isEqualTo(KID_1);
    assertContains(text(reminder.content()), "Påminnelse om avdrag", "Avdrag nr. | 1",
        "avdrag 1 i nedbetalingsplan PP-51, som forfalt 2026-12-15",
        "Betal 7 500,00 NOK innen 2026-11-10 og oppgi avdragets KID " + KID_1, "KID | " + KID_1,
        "avsluttes nedbetalingsplanen");

    String broken = text(letters.broken(norwegianPlan(PlanStatus.BROKEN, "7500.00")).content());
    assertContains(broken, "Nedbetalingsplanen er avsluttet", "Hele restgjelden, 7 500,00 NOK, er nå forfalt",
        "Gjenstår å betale | 7 500,00 NOK", "gjenopptas med purring og inkasso");
  }

  @Test
  void anEnglishCustomerReadsThePlanInEnglish() {
    when(customers.get("C-1")).thenReturn(new Customer("C-1", "Anna Svensson", CustomerType.PRIVATE, false,
        Country.SE, null, "anna@example.se", null, new Customer.Address("Storgatan 1", "111 22", "Stockholm", "SE"),
        false, Channel.EMAIL, "en", null, NOW, null, null, null, false));

    String text = text(letters(SWEDISH_SELLER).agreed(swedishPlan(PlanStatus.RUNNING, true, "0.00")).content());

    assertContains(text, "Payment plan", "Payment plan fee | 170.00", "Total to pay under the plan | 2,280.00 SEK",
        "1 | 2026-12-01 | 760.00 | " + OCR_1, "Swedish Interest Act (räntelagen)", "at most SEK 170");
  }

  /** The QR codes on every page of the letter, as a bank app reads them. */
  private static List<String> codes(StoredDocument letter) {
    List<String> codes = new ArrayList<>();
    for (int page = 1; page <= QrDecoder.pages(letter.content()); page++) {
      codes.addAll(QrDecoder.onPage(letter.content(), page));
    }
    return codes;
  }

  private void invoice(Invoice invoice) {
    when(invoices.get(invoice.invoiceNumber())).thenReturn(invoice);
    when(invoices.lock(invoice.invoiceNumber())).thenReturn(invoice);
  }

  /** net + 25 % VAT = total, due 1 October. */
  private static Invoice invoice(long id, String number, String customer, Currency currency, String total,
                                 String paid, String fees, String reference) {
    BigDecimal gross = new BigDecimal(total);
    BigDecimal net = gross.multiply(new BigDecimal("0.8")).setScale(2);
    return new Invoice(id, number, customer, InvoiceStatus.REMINDED, ISSUED, DUE, currency, net, gross.subtract(net),
        gross, new BigDecimal(paid), new BigDecimal(fees), new BigDecimal("0.00"), new BigDecimal("0.00"),
        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), reference, 0, 0, 0, null, NOW);
  }
}
