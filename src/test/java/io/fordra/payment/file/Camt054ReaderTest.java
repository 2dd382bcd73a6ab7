package io.fordra.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fordra.customer.Country;
import io.fordra.kernel.FileRejected.Problem;
import io.fordra.payment.file.ParsedPaymentFile.Aside;
import io.fordra.payment.file.ParsedPaymentFile.Aside.Outcome;
import io.fordra.payment.file.ParsedPaymentFile.Format;
import io.fordra.seller.SellerProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Camt054ReaderTest {

  private static final String DIR = "/payment-files/camt054/";
  private static final String NTFCTN = "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn[1]";
  private static final LocalDate MARCH_4 = LocalDate.of(2026, 3, 4);
  private static final LocalDate MARCH_5 = LocalDate.of(2026, 3, 5);

  /** The seller's accounts: the Swedish IBAN of the SEK files, the Norwegian account of the NOK file, a bankgiro. */
  private static final SellerProperties SELLER = new SellerProperties("Exempelbolaget AB", "556677-8899", null,
      null, null, null, Country.SE, null, null, "5050-1055", "8601.11.17947", null, "SE45 5000 0000 0583 9825 7466",
      "ESSESESS", false, false, null);

  private final Camt054Reader reader = new Camt054Reader(SELLER);

  // camt.054.001.02, a Swedish bank's notification of incoming payments

  @Test
  void readsEveryBookedPaymentOfASwedishCamt054Version02() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-02-incoming-sek.xml"));

    assertThat(file.format()).isEqualTo(Format.CAMT054);
    assertThat(file.account()).isEqualTo("SE4550000000058398257466");
    assertThat(file.payments()).containsExactly(
        new BankPayment("SEB-2026030400001", amount("12500.00"), "SEK", MARCH_4, List.of("2026000123"), null,
            "Byggservice i Umeå AB", null, "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("SEB-2026030400002", amount("18750.00"), "SEK", MARCH_4, List.of("2026000131", "2026000149"),
            null, "Nordisk Ventilation AB", null, "Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("E2E-KL-20260304", amount("3200.00"), "SEK", MARCH_4, List.of(), "Faktura F-2026-0007",
            "Karin Lindqvist", null, "Ntfctn[1]/Ntry[3]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("5000260304000103/2", amount("4800.00"), "SEK", MARCH_4, List.of("1234567897"), null,
            "Alfa Städ & Fönsterputs AB", null, "Ntfctn[1]/Ntry[3]/NtryDtls[1]/TxDtls[2]"),
        new BankPayment("SEB-2026030400004", amount("-2000.00"), "SEK", MARCH_4, List.of("2026000156"), null,
            "Hansson Måleri HB", null, "Ntfctn[1]/Ntry[4]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("SEB-2026030400001", amount("12500.00"), "SEK", MARCH_4, List.of("2026000123"), null,
            "Byggservice i Umeå AB", null, "Ntfctn[1]/Ntry[6]/NtryDtls[1]/TxDtls[1]"));
    assertThat(file.total()).isEqualTo(amount("49750.00"));
  }

  @Test
  void aPaymentForTwoInvoicesHasBothReferencesInFileOrder() {
    BankPayment payment = reader.read(bytes("camt054-001-02-incoming-sek.xml")).payments().get(1);

    assertThat(payment.references()).containsExactly("2026000131", "2026000149");
    assertThat(payment.amount()).isEqualTo(amount("18750.00"));
  }

  @Test
  void aPaymentWithOnlyFreeTextHasNoReferencesAndItsEndToEndIdAsId() {
    BankPayment payment = reader.read(bytes("camt054-001-02-incoming-sek.xml")).payments().get(2);

    assertThat(payment.references()).isEmpty();
    assertThat(payment.remittanceText()).isEqualTo("Faktura F-2026-0007");
    assertThat(payment.bankTransactionId()).isEqualTo("E2E-KL-20260304");
  }

  @Test
  void aReferenceThatMatchesNoInvoiceIsStillReadAndNotProvidedEndToEndIdFallsBackToTheEntry() {
    BankPayment payment = reader.read(bytes("camt054-001-02-incoming-sek.xml")).payments().get(3);

    assertThat(payment.references()).containsExactly("1234567897");
    assertThat(payment.bankTransactionId()).isEqualTo("5000260304000103/2");
  }

  @Test
  void aDebitReversalIsANegativePayment() {
    BankPayment reversal = reader.read(bytes("camt054-001-02-incoming-sek.xml")).payments().get(4);

    assertThat(reversal.amount()).isEqualTo(amount("-2000.00"));
    assertThat(reversal.location()).isEqualTo("Ntfctn[1]/Ntry[4]/NtryDtls[1]/TxDtls[1]");
  }

  @Test
  void anEntryNotBookedYetIsSkippedButCountsInTheControlSums() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-02-incoming-sek.xml"));

    // the TxsSummry counts 6 entries (the pending 950.00 among them) and the file passes
    assertThat(file.payments()).extracting(BankPayment::location).noneMatch(l -> l.contains("Ntry[5]"));
    assertThat(file.payments()).extracting(BankPayment::amount).doesNotContain(amount("950.00"));
  }

  @Test
  void theSameTransactionTwiceInOneFileIsKeptTwiceForTheImporterToDeduplicate() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-02-incoming-sek.xml"));

    assertThat(file.payments()).filteredOn(p -> p.bankTransactionId().equals("SEB-2026030400001"))
        .extracting(BankPayment::location)
        .containsExactly("Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]", "Ntfctn[1]/Ntry[6]/NtryDtls[1]/TxDtls[1]");
  }

  @Test
  void aBookingDateTimeGivesTheDateAsTheBankWroteIt() {
    // Ntry[6] has BookgDt/DtTm 2026-03-04T23:30:00+01:00, already March 5 in UTC
    BankPayment payment = reader.read(bytes("camt054-001-02-incoming-sek.xml")).payments().get(5);

    assertThat(payment.bookingDate()).isEqualTo(MARCH_4);
  }

  @Test
  void readsAStreamLikeBytes() {
    ParsedPaymentFile fromBytes = reader.read(bytes("camt054-001-02-incoming-sek.xml"));

    ParsedPaymentFile fromStream = reader.read(new ByteArrayInputStream(bytes("camt054-001-02-incoming-sek.xml")));

    assertThat(fromStream).isEqualTo(fromBytes);
  }

  @Test
  void aStreamThatCannotBeReadIsAnIoErrorNotARejectedFile() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };

    assertThatThrownBy(() -> reader.read(broken)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void readsAFileInIso88591() {
    // a Handelsbanken customer's file: that seller's IBAN
    SellerProperties handelsbankenCustomer = new SellerProperties("Exempelbolaget AB", "556677-8899", null, null, null,
        null, Country.SE, null, null, null, null, null, "SE72 8000 0810 3400 0978 3242", "HANDSESS", false, false,
        null);

    ParsedPaymentFile file = new Camt054Reader(handelsbankenCustomer).read(bytes("camt054-001-02-latin1.xml"));

    assertThat(file.account()).isEqualTo("SE7280000810340009783242");
    assertThat(file.payments()).containsExactly(
        new BankPayment("HB-20260305-7781/1", amount("1495.50"), "SEK", MARCH_5, List.of(),
            "Betalning för faktura F-2026-0088", "Åsa Öberg", null, "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]"));
  }

  @Test
  void readsAUtf8FileWithAByteOrderMark() {
    byte[] file = bytes("camt054-001-02-incoming-sek.xml");
    byte[] withBom = new byte[file.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(file, 0, withBom, 3, file.length);

    assertThat(reader.read(withBom)).isEqualTo(reader.read(file));
  }

  // camt.054.001.08, a Norwegian bank's notification

  @Test
  void readsEveryBookedPaymentOfANorwegianCamt054Version08() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-08-incoming-nok.xml"));

    assertThat(file.format()).isEqualTo(Format.CAMT054);
    assertThat(file.account()).isEqualTo("86011117947");
    assertThat(file.payments()).containsExactly(
        new BankPayment("DNB-7400123456", amount("4375.00"), "NOK", MARCH_5, List.of("20260001237"), null,
            "Fjellheim Eiendom AS", null, "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("OLA-0042", amount("1000.00"), "NOK", MARCH_5, List.of(), "Faktura 2026-0042\nTakk for sist",
            "Ola Nordmann", null, "Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("7400123457-E/2", amount("2500.00"), "NOK", MARCH_5, List.of("20260002458"), null,
            "Kari Nordmann", null, "Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[2]"),
        new BankPayment("DNB-7400124001", amount("150.00"), "EUR", MARCH_5, List.of(), "Invoice 2026-0051",
            "Svensson Consulting AB", null, "Ntfctn[1]/Ntry[5]/NtryDtls[1]/TxDtls[1]"));
    assertThat(file.total()).isEqualTo(amount("8025.00"));
    assertThat(file.aside()).containsExactly(
        new Aside("Ntfctn[1]/Ntry[3]", Outcome.SKIPPED, amount("600.00"), "NOK", "7400123458-E",
            "not booked yet (Sts PDNG): the bank notifies it again when it is booked"),
        new Aside("Ntfctn[1]/Ntry[4]", Outcome.SKIPPED, amount("4375.00"), "NOK", "7400123459-E",
            "outgoing payment (DBIT): money out of the account, not a customer payment"),
        new Aside("Ntfctn[1]/Ntry[6]", Outcome.SKIPPED, amount("800.00"), "NOK", "7400124002-E",
            "reversal (CRDT with RvslInd) of an earlier debit: money back from one of the seller's own payments, "
                + "not a customer payment"));
    assertThat(file.remarks()).isEmpty();
  }

  @Test
  void aDebitThatReversesNothingIsAnOutgoingPaymentAndSkippedNotANegativeCustomerPayment() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-08-incoming-nok.xml"));

    assertThat(file.payments()).extracting(BankPayment::location).doesNotContain("Ntfctn[1]/Ntry[4]");
    assertThat(file.payments()).extracting(BankPayment::amount).allMatch(a -> a.signum() > 0);
    assertThat(file.aside()).filteredOn(a -> a.location().equals("Ntfctn[1]/Ntry[4]"))
        .extracting(Aside::outcome, Aside::reason)
        .containsExactly(tuple(Outcome.SKIPPED,
            "outgoing payment (DBIT): money out of the account, not a customer payment"));
  }

  @Test
  void aSingleTransactionWithoutAmountTakesTheEntrysAmountAndCurrency() {
    BankPayment euro = reader.read(bytes("camt054-001-08-incoming-nok.xml")).payments().get(3);

    assertThat(euro.amount()).isEqualTo(amount("150.00"));
    assertThat(euro.currency()).isEqualTo("EUR");
  }

  @Test
  void aCreditWithReversalIndicatorReversesADebitAndIsSkipped() {
    // ISO 20022: CdtDbtInd CRDT with RvslInd true means the original operation was a debit: one of the seller's
    // own payments came back, no customer paid
    ParsedPaymentFile file = reader.read(bytes("camt054-001-08-incoming-nok.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId).doesNotContain("DNB-7400124002");
    assertThat(file.aside()).extracting(Aside::location, Aside::outcome)
        .contains(tuple("Ntfctn[1]/Ntry[6]", Outcome.SKIPPED));
  }

  // every version, prefixed namespaces (issue 16, item 1)

  @ParameterizedTest(name = "camt.054.001.{0}")
  @ValueSource(strings = {"02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13"})
  void readsEveryVersionFrom02ToTheNewest(String version) {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-" + version + ".xml"));

    assertThat(file.account()).isEqualTo("SE4550000000058398257466");
    assertThat(file.payments()).containsExactly(
        new BankPayment("V" + version + "-0001", amount("1500.00"), "SEK", MARCH_4, List.of("2026000123"), null,
            "Byggservice i Umeå AB", null, "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("E2E-V" + version + "-2", amount("2250.50"), "SEK", MARCH_4, List.of(), "Faktura 2026-0042",
            "Karin Lindqvist", null, "Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]"));
    assertThat(file.total()).isEqualTo(amount("3750.50"));
    assertThat(file.aside()).containsExactly(new Aside("Ntfctn[1]/Ntry[3]", Outcome.SKIPPED, amount("800.00"), "SEK",
        "V" + version + "-OUT-3", "outgoing payment (DBIT): money out of the account, not a customer payment"));
    assertThat(file.remarks()).isEmpty();
  }

  @Test
  void theNewestVersionReadIsTheNewestProwideHas() {
    assertThat(Camt054Binding.VERSIONS).extracting(Camt054Binding.Version::number)
        .startsWith("001.02", "001.03", "001.04", "001.05", "001.06", "001.07", "001.08")
        .contains("001.13");
  }

  @Test
  void readsAPrefixedNamespaceLikeTheDefaultOne() {
    ParsedPaymentFile prefixed = reader.read(bytes("camt054-001-04-prefixed.xml"));

    assertThat(prefixed).isEqualTo(reader.read(bytes("camt054-001-04.xml")));
    assertThat(prefixed.payments()).hasSize(2);
  }

  // several accounts, credits and debits, reversals and returns (items 2 and 3)

  @Test
  void readsEveryNotificationOfASeveralAccountFileAndKeepsAsideTheAccountThatIsNotTheSellers() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-08-multi-account.xml"));

    // Ntfctn[1] is another company's account; the file's account is the seller's first one
    assertThat(file.account()).isEqualTo("SE4550000000058398257466");
    assertThat(file.payments()).containsExactly(
        new BankPayment("SEB-2026-0001-1", amount("1200.00"), "SEK", MARCH_4, List.of("2026000123"), null,
            "Byggservice i Umeå AB", null, "Ntfctn[2]/Ntry[1]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("SEB-2026-0003-1", amount("-1200.00"), "SEK", MARCH_4, List.of("2026000131"), null,
            "Hansson Måleri HB", null, "Ntfctn[2]/Ntry[3]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("SEB-2026-0005-1", amount("-300.00"), "SEK", MARCH_4, List.of(), "Retur: fel mottagare",
            "Karin Lindqvist", null, "Ntfctn[2]/Ntry[5]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("BG-2026-0001-1", amount("990.00"), "SEK", MARCH_4, List.of("2026000149"), null,
            "Alfa Städ AB", null, "Ntfctn[3]/Ntry[1]/NtryDtls[1]/TxDtls[1]"));
    assertThat(file.total()).isEqualTo(amount("690.00"));
    assertThat(file.aside()).containsExactly(
        new Aside("Ntfctn[1]/Ntry[1]", Outcome.KEPT_ASIDE, amount("5000.00"), "SEK", "HB-2026-0001",
            "account SE7280000810340009783242 is not the seller's"),
        new Aside("Ntfctn[2]/Ntry[2]", Outcome.SKIPPED, amount("3400.00"), "SEK", "SEB-2026-0002",
            "outgoing payment (DBIT): money out of the account, not a customer payment"),
        new Aside("Ntfctn[2]/Ntry[4]", Outcome.SKIPPED, amount("650.00"), "SEK", "SEB-2026-0004",
            "reversal (CRDT with RvslInd) of an earlier debit: money back from one of the seller's own payments, "
                + "not a customer payment"));
    assertThat(file.remarks()).isEmpty();
  }

  @Test
  void aDebitWithReversalIndicatorOrAReturnCodeIsANegativePaymentForAPerson() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-08-multi-account.xml"));

    // Ntry[3]: DBIT with RvslInd; Ntry[5]: DBIT with BkTxCd PMNT/RCDT/RRTN and RtrInf, no RvslInd
    assertThat(file.payments()).filteredOn(p -> p.amount().signum() < 0).extracting(BankPayment::location)
        .containsExactly("Ntfctn[2]/Ntry[3]/NtryDtls[1]/TxDtls[1]", "Ntfctn[2]/Ntry[5]/NtryDtls[1]/TxDtls[1]");
  }

  @Test
  void theSellersBankgiroAsOtherIdIsTheSellersAccount() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-08-multi-account.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId).contains("BG-2026-0001-1");
    assertThat(file.aside()).extracting(Aside::location).noneMatch(l -> l.startsWith("Ntfctn[3]"));
  }

  @Test
  void aFileAboutTwoAccountsIsReadNotRefused() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-02-two-accounts.xml"));

    assertThat(file.account()).isEqualTo("SE4550000000058398257466");
    assertThat(file.payments()).extracting(BankPayment::bankTransactionId).containsExactly("SEB-2026030400901");
    assertThat(file.aside()).containsExactly(new Aside("Ntfctn[2]/Ntry[1]", Outcome.KEPT_ASIDE, amount("12500.00"),
        "SEK", "5000260304000902", "account SE7280000810340009783242 is not the seller's"));
  }

  @Test
  void aSellerWithoutAnAccountTakesEveryAccountAsItsOwnAndSaysSo() {
    SellerProperties noAccount = new SellerProperties("Exempelbolaget AB", "556677-8899", null, null, null, null,
        Country.SE, null, null, null, "", null);

    ParsedPaymentFile file = new Camt054Reader(noAccount).read(bytes("camt054-001-08-multi-account.xml"));

    assertThat(file.account()).isEqualTo("SE7280000810340009783242");
    assertThat(file.payments()).extracting(BankPayment::bankTransactionId)
        .containsExactly("HB-2026-0001-1", "SEB-2026-0001-1", "SEB-2026-0003-1", "SEB-2026-0005-1", "BG-2026-0001-1");
    assertThat(file.aside()).extracting(Aside::reason).noneMatch(r -> r.contains("is not the seller's"));
    assertThat(file.remarks()).containsExactly("The seller has no account configured (fordra.seller.iban, "
        + "bank-account, bankgiro): the entries of every account in the file are read as the seller's.");
  }

  @Test
  void sellerAccountsAreComparedWithoutSpacesDashesOrCaseAndADomesticAccountMatchesItsIban() {
    Camt054Reader.SellerAccounts accounts = new Camt054Reader.SellerAccounts(SELLER);

    assertThat(accounts.owns("se45 5000 0000 0583 9825 7466")).isTrue();
    assertThat(accounts.owns("50501055")).isTrue();
    assertThat(accounts.owns("86011117947")).isTrue();
    // the Norwegian IBAN of the seller's kontonummer 8601.11.17947
    assertThat(accounts.owns("NO9386011117947")).isTrue();
    assertThat(accounts.owns("SE7280000810340009783242")).isFalse();
  }

  // entries not booked, control sums counted another way (item 4)

  @Test
  void entriesNotBookedAreSkippedWithTheirStatusAndCountInTheStandardsSummary() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-06-not-booked.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId).containsExactly("ST-1-1");
    assertThat(file.aside()).containsExactly(
        new Aside("Ntfctn[1]/Ntry[2]", Outcome.SKIPPED, amount("300.00"), "SEK", "ST-2",
            "not booked yet (Sts PDNG): the bank notifies it again when it is booked"),
        new Aside("Ntfctn[1]/Ntry[3]", Outcome.SKIPPED, amount("150.00"), "SEK", "ST-3",
            "for information only (Sts INFO), not booked on the account"));
    assertThat(file.remarks()).isEmpty();
  }

  @Test
  void aSummaryThatCountsOnlyTheBookedEntriesIsAcceptedWithARemark() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-02-summary-booked-only.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId).containsExactly("ST-1-1");
    assertThat(file.aside()).hasSize(2);
    assertThat(file.remarks()).containsExactly("Ntfctn[1]/TxsSummry counts only the booked entries (ISO 20022: all "
        + "entries, booked or not), as some banks do; accepted, the figures agree counted that way.");
  }

  @Test
  void aNetTotalWithTheWrongSignIsAcceptedWithARemark() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-04-returned-outgoing-net-without-sign.xml"));

    assertThat(file.remarks()).containsExactly("Ntfctn[1]/TxsSummry gives the net amount without its sign "
        + "(ISO 20022: with CdtDbtInd), as some banks do; accepted, the figures agree counted that way.");
  }

  @Test
  void aCreditThatReturnsAnOutgoingPaymentIsSkipped() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-04-returned-outgoing-net-without-sign.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId).containsExactly("RT-1-1");
    assertThat(file.aside()).containsExactly(
        new Aside("Ntfctn[1]/Ntry[2]", Outcome.SKIPPED, amount("250.00"), "SEK", "RT-2",
            "return (CRDT, BkTxCd PMNT/ICDT/RRTN) of an earlier debit: money back from one of the seller's own "
                + "payments, not a customer payment"),
        new Aside("Ntfctn[1]/Ntry[3]", Outcome.SKIPPED, amount("400.00"), "SEK", "RT-3",
            "outgoing payment (DBIT): money out of the account, not a customer payment"));
  }

  @Test
  void anEntryWithAStatusFordraCannotTellIsKeptAsideForAPerson() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-08-unknown-status.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId).containsExactly("UST-1-1");
    assertThat(file.aside()).containsExactly(
        new Aside("Ntfctn[1]/Ntry[2]", Outcome.KEPT_ASIDE, amount("420.00"), "SEK", "UST-2",
            "unknown status HOLD (BOOK, PDNG, INFO or FUTR): cannot tell whether the entry is booked"),
        new Aside("Ntfctn[1]/Ntry[3]", Outcome.KEPT_ASIDE, amount("180.00"), "SEK", "UST-3",
            "proprietary status RESERVED: cannot tell whether the entry is booked"));
  }

  // several TxDtls without amounts, UETR (item 5)

  @Test
  void severalTransactionsWithoutAmountsAreOnePaymentOfTheEntryWithAllTheirReferences() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-09-txdtls-without-amounts.xml"));

    assertThat(file.payments()).containsExactly(new BankPayment("BATCH-2026-0001", amount("4500.00"), "SEK", MARCH_4,
        List.of("2026000123", "2026000149"), "Faktura 2026-0042", null, null, "Ntfctn[1]/Ntry[1]"));
    assertThat(file.aside()).isEmpty();
  }

  @Test
  void aTransactionWithoutAmountBesideOneWithIsOnePaymentOfTheEntryNotARefusal() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-02-txdtls-missing-amount.xml"));

    assertThat(file.payments()).containsExactly(new BankPayment("5000260304000901", amount("8000.00"), "SEK", MARCH_4,
        List.of("2026000123", "1234567897"), null, null, null, "Ntfctn[1]/Ntry[1]"));
  }

  @Test
  void theUetrIdentifiesATransactionWithoutAccountServicerReferenceOrEndToEndId() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-10-uetr-only.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId)
        .containsExactly("eb6305c9-1f7a-4a7b-9b6f-5d1e2c3b4a59", "E2E-FJ-2");
  }

  @Test
  void readsAFileWrittenAsFinnishBanksWriteThem() {
    SellerProperties finnishSeller = new SellerProperties("Esimerkki Oy", "1234567-8", null, null, null, null,
        Country.SE, null, null, null, null, null, "FI42 5000 1510 0000 23", "OKOYFIHH", false, false, null);

    ParsedPaymentFile file = new Camt054Reader(finnishSeller).read(bytes("camt054-001-02-finnish-style.xml"));

    LocalDate march3 = LocalDate.of(2026, 3, 3);
    assertThat(file.account()).isEqualTo("FI4250001510000023");
    assertThat(file.payments()).containsExactly(
        new BankPayment("260303593497A0001/1", amount("124.00"), "EUR", march3, List.of("20260001235"), null,
            "Järvinen Oy", null, "Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("E2E-LAHTI-0303", amount("2870.15"), "EUR", march3, List.of("RF7120260001243"), null,
            "Lahden Kone Oy", null, "Ntfctn[1]/Ntry[2]/NtryDtls[1]/TxDtls[1]"),
        new BankPayment("260303313190X0003/1", amount("1152.24"), "EUR", march3, List.of(),
            "PANO/INSATTN EUR 1152,24\nMAKSU/UPPDR. SEK 12999,00\nINV 2026-0077", "Nordic Parts AB", null,
            "Ntfctn[1]/Ntry[3]/NtryDtls[1]/TxDtls[1]"));
    assertThat(file.aside()).isEmpty();
    assertThat(file.remarks()).isEmpty();
  }

  // a foreign currency (item 6)

  @Test
  void anEntryInACurrencyFordraDoesNotInvoiceInIsKeptAsideAndTheRestRead() {
    ParsedPaymentFile file = reader.read(bytes("camt054-001-05-chf-entry.xml"));

    assertThat(file.payments()).extracting(BankPayment::bankTransactionId, BankPayment::currency)
        .containsExactly(tuple("CCY-1-1", "SEK"), tuple("CCY-3-1", "EUR"));
    assertThat(file.aside()).containsExactly(new Aside("Ntfctn[1]/Ntry[2]", Outcome.KEPT_ASIDE, amount("250.00"),
        "CHF", "CCY-2", "currency CHF is not one Fordra invoices in"));
  }

  // the corpus: every readable file with what it books, keeps aside and skips

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void readsTheWholeCorpusWithTheExpectedTotals(String file, int payments, String total, int keptAside, int skipped,
                                                int remarks) {
    ParsedPaymentFile read = reader.read(bytes(file));

    assertThat(read.payments()).as("payments").hasSize(payments);
    assertThat(read.total()).as("total").isEqualByComparingTo(total);
    assertThat(read.aside()).as("kept aside").filteredOn(a -> a.outcome() == Outcome.KEPT_ASIDE).hasSize(keptAside);
    assertThat(read.aside()).as("skipped").filteredOn(a -> a.outcome() == Outcome.SKIPPED).hasSize(skipped);
    assertThat(read.remarks()).as("remarks").hasSize(remarks);
  }

  static Stream<Arguments> corpus() {
    Stream<Arguments> versions = Stream.of("02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13")
        .map(v -> Arguments.of("camt054-001-" + v + ".xml", 2, "3750.50", 0, 1, 0));
    return Stream.concat(versions, Stream.of(
        Arguments.of("camt054-001-02-incoming-sek.xml", 6, "49750.00", 0, 1, 0),
        Arguments.of("camt054-001-02-finnish-style.xml", 0, "0", 3, 0, 0),
        Arguments.of("camt054-001-02-latin1.xml", 0, "0", 1, 0, 0),
        Arguments.of("camt054-001-02-summary-booked-only.xml", 1, "700.00", 0, 2, 1),
        Arguments.of("camt054-001-02-two-accounts.xml", 1, "12500.00", 1, 0, 0),
        Arguments.of("camt054-001-02-txdtls-missing-amount.xml", 1, "8000.00", 0, 0, 0),
        Arguments.of("camt054-001-04-prefixed.xml", 2, "3750.50", 0, 1, 0),
        Arguments.of("camt054-001-04-returned-outgoing-net-without-sign.xml", 1, "1000.00", 0, 2, 1),
        Arguments.of("camt054-001-05-chf-entry.xml", 2, "1099.50", 1, 0, 0),
        Arguments.of("camt054-001-06-not-booked.xml", 1, "700.00", 0, 2, 0),
        Arguments.of("camt054-001-08-incoming-nok.xml", 4, "8025.00", 0, 3, 0),
        Arguments.of("camt054-001-08-multi-account.xml", 4, "690.00", 1, 2, 0),
        Arguments.of("camt054-001-08-unknown-status.xml", 1, "700.00", 2, 0, 0),
        Arguments.of("camt054-001-09-txdtls-without-amounts.xml", 1, "4500.00", 0, 0, 0),
        Arguments.of("camt054-001-10-uetr-only.xml", 2, "2300.00", 0, 0, 0)));
  }

  @Test
  void theCorpusListsEveryReadableFile() throws Exception {
    Path dir = Path.of(Camt054ReaderTest.class.getResource(DIR).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(corpus().map(a -> (String) a.get()[0]).toList());
    }
  }

  // files that are rejected whole

  @Test
  void rejectsATextFileThatIsNotXml() {
    assertRejected("malformed/not-xml-bgmax.txt",
        new Problem("line 1, column 1", "not well-formed XML: Content is not allowed in prolog."));
  }

  @Test
  void rejectsAnEmptyFile() {
    assertRejected("malformed/empty.xml", new Problem("line 1, column 1", "not well-formed XML: Premature end of file."));
  }

  @Test
  void rejectsXmlCutOffInTheMiddle() {
    assertRejected("malformed/not-well-formed-truncated.xml", new Problem("line 19, column 9",
        "not well-formed XML: XML document structures must start and end within the same entity."));
  }

  @Test
  void rejectsADoctypeWithAnExternalEntityBeforeAnythingReadsIt() {
    assertRejected("malformed/doctype-external-entity.xml", new Problem("line 2, column 10",
        "DOCTYPE is not allowed: a bank file needs no DTD, and DTD entities can read files or URLs (XXE)"));
  }

  @Test
  void rejectsADoctypeInTheSameWordsOnASwedishServer() {
    Locale locale = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("sv-SE"));
    try {
      assertRejected("malformed/doctype-external-entity.xml", new Problem("line 2, column 10",
          "DOCTYPE is not allowed: a bank file needs no DTD, and DTD entities can read files or URLs (XXE)"));
    } finally {
      Locale.setDefault(locale);
    }
  }

  @Test
  void rejectsEveryProblemOfAFileAtOnce() {
    assertRejected("malformed/several-problems.xml",
        new Problem(NTFCTN + "/Ntry[3]/NtryDtls[1]/Unknown", "element not allowed here in camt.054.001.02"),
        new Problem(NTFCTN + "/Ntry[1]/Amt", "missing amount"),
        new Problem(NTFCTN + "/Ntry[2]/BookgDt", "missing booking date (BookgDt/Dt or BookgDt/DtTm) of a booked entry"),
        new Problem(NTFCTN + "/TxsSummry/TtlNtries/NbOfNtries", "says 4 entries, the notification has 3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void rejectsAMalformedFileWithWhereAndWhy(String file, List<Problem> expected) {
    assertRejected("malformed/" + file, expected.toArray(Problem[]::new));
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        rejected("camt053-statement.xml",
            new Problem("/Document", "not a camt.054 notification but camt.053.001.02, an account statement")),
        rejected("pain001-payment-order.xml",
            new Problem("/Document", "not a camt.054 notification but pain.001.001.03, a payment order")),
        rejected("camt054-001-01-unsupported-version.xml",
            new Problem("/Document", "camt.054.001.01 is not supported, only camt.054.001.02 to camt.054.001.13")),
        rejected("no-namespace.xml", new Problem("/Document", "not an ISO 20022 document: the root element is "
            + "Document, a camt.054 file has Document in namespace urn:iso:std:iso:20022:tech:xsd:camt.054.001.NN")),
        rejected("camt053-content-in-camt054-namespace.xml",
            new Problem("/Document/BkToCstmrStmt", "element not allowed here in camt.054.001.02"),
            new Problem("/Document/BkToCstmrDbtCdtNtfctn", "missing: no BkToCstmrDbtCdtNtfctn in the Document")),
        rejected("no-notification.xml",
            new Problem("/Document/BkToCstmrDbtCdtNtfctn", "no Ntfctn: the file notifies nothing")),
        rejected("missing-amount.xml", new Problem(NTFCTN + "/Ntry[1]/Amt", "missing amount")),
        rejected("bad-amounts.xml",
            new Problem(NTFCTN + "/Ntry[1]/Amt", "not a valid value: Character , is neither a decimal digit number, "
                + "decimal point, nor \"e\" notation exponential mark."),
            new Problem(NTFCTN + "/Ntry[2]/Amt", "amount must be positive (CdtDbtInd says in or out), not -300.00"),
            new Problem(NTFCTN + "/Ntry[3]/Amt", "amount must be positive (CdtDbtInd says in or out), not 0.00")),
        rejected("missing-currency.xml", new Problem(NTFCTN + "/Ntry[1]/Amt/@Ccy", "missing currency")),
        rejected("bad-currency.xml",
            new Problem(NTFCTN + "/Ntry[1]/Amt/@Ccy", "not an ISO 4217 currency code: kr")),
        rejected("missing-booking-date.xml", new Problem(NTFCTN + "/Ntry[1]/BookgDt",
            "missing booking date (BookgDt/Dt or BookgDt/DtTm) of a booked entry")),
        rejected("bad-booking-date.xml", new Problem(NTFCTN + "/Ntry[1]/BookgDt/Dt",
            "not a valid value: Text '2026-02-30' could not be parsed: Invalid date 'FEBRUARY 30'")),
        rejected("unknown-direction-and-status.xml",
            new Problem(NTFCTN + "/Ntry[1]/CdtDbtInd", "missing CdtDbtInd, or not CRDT or DBIT"),
            new Problem(NTFCTN + "/Ntry[1]/Sts", "missing status, or not BOOK, PDNG or INFO")),
        rejected("txdtls-sum-mismatch.xml",
            new Problem(NTFCTN + "/Ntry[1]", "the TxDtls amounts add up to 7900.00, the entry amount is 8000.00")),
        rejected("batch-mismatch.xml",
            new Problem(NTFCTN + "/Ntry[1]/NtryDtls[1]/Btch/NbOfTxs", "says 3 transactions, the NtryDtls has 2 TxDtls"),
            new Problem(NTFCTN + "/Ntry[1]/NtryDtls[1]/Btch/TtlAmt", "says 9000.00, the TxDtls add up to 8000.00")),
        rejected("control-sum-mismatch.xml",
            new Problem(NTFCTN + "/TxsSummry/TtlNtries/Sum", "says 13500.00, the entries add up to 13450.00"),
            new Problem(NTFCTN + "/TxsSummry/TtlCdtNtries/Sum", "says 12000.00, the entries add up to 12500.00"),
            new Problem(NTFCTN + "/TxsSummry/TtlNtries/TtlNetNtryAmt",
                "says 11500.00 CRDT, the entries' net is 11550.00 CRDT")),
        rejected("count-mismatch.xml",
            new Problem(NTFCTN + "/TxsSummry/TtlNtries/NbOfNtries", "says 3 entries, the notification has 2"),
            new Problem(NTFCTN + "/TxsSummry/TtlCdtNtries/NbOfNtries", "says 2 entries, the notification has 1")),
        rejected("no-transaction-id.xml", new Problem(NTFCTN + "/Ntry[1]/NtryDtls[1]/TxDtls[1]/Refs",
            "no id: neither Refs/AcctSvcrRef, Refs/EndToEndId, Refs/UETR nor the entry's AcctSvcrRef")),
        rejected("v08-bad-transactions.xml",
            new Problem(NTFCTN + "/Ntry[1]/NtryDtls[1]/TxDtls[1]/Amt", "not a valid value: Character O is neither a "
                + "decimal digit number, decimal point, nor \"e\" notation exponential mark."),
            new Problem(NTFCTN + "/Ntry[1]/NtryDtls[1]/TxDtls[2]/Amt/@Ccy",
                "currency SEK differs from the entry's NOK")));
  }

  private static Arguments rejected(String file, Problem... problems) {
    return Arguments.of(file, List.of(problems));
  }

  private void assertRejected(String file, Problem... expected) {
    assertThatThrownBy(() -> reader.read(bytes(file)))
        .isInstanceOfSatisfying(PaymentFileRejected.class, e -> assertThat(e.problems()).containsExactly(expected));
  }

  private static BigDecimal amount(String amount) {
    return new BigDecimal(amount);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = Camt054ReaderTest.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
