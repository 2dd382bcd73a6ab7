package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fordra.customer.Channel;
import io.fordra.customer.Customer;
import io.fordra.distribution.einvoice.EInvoiceDelivery;
import io.fordra.distribution.einvoice.EInvoiceRejectedException;
import io.fordra.distribution.einvoice.EInvoiceService;
import io.fordra.distribution.einvoice.NoElectronicAddressException;
import io.fordra.distribution.einvoice.ValidationError;
import io.fordra.document.DocumentKind;
import io.fordra.document.DocumentService;
import io.fordra.document.Letters;
import io.fordra.document.StoredDocument;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceStatus;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EINVOICE channel alone: no Spring, no engine. The e-invoice service, the distribution rules and the registers are
 * mocks; what is asserted is what the channel reports and records.
 */
class EInvoiceDistributionTest {

  private static final Recipient RECIPIENT = new Recipient(Channel.EINVOICE, "faktura@kund.se", null,
      new Customer.ElectronicAddress("0007", "5560360793"), "Anna Andersson", null);

  private final EInvoiceService einvoices = mock(EInvoiceService.class);
  private final DistributionService distribution = mock(DistributionService.class);
  private final DocumentService documents = mock(DocumentService.class);
  private final InvoiceService invoices = mock(InvoiceService.class);
  private final EInvoiceDistribution channel = new EInvoiceDistribution(einvoices, distribution, documents, invoices);

  private final StoredDocument letter = Letters.letter(16L, 5L, DocumentKind.INVOICE, 1, "invoice-F-2026-1.pdf",
      new byte[] {1});
  private final Invoice invoice = Letters.invoice(5L, "F-2026-1", InvoiceStatus.WAITING_TO_BE_SENT);

  @BeforeEach
  void theLetterOfInvoiceF1ToAnOrganisationOnPeppol() {
    when(documents.get(16L)).thenReturn(letter);
    when(distribution.numberOf(letter)).thenReturn("F-2026-1");
    when(invoices.lock("F-2026-1")).thenReturn(invoice);
    when(distribution.recipientOf(invoice)).thenReturn(RECIPIENT);
  }

  @Test
  void aDeliveredEInvoiceIsSentToTheEndpointWithTheReferencePersonAsBuyerReference() {
    when(einvoices.deliver(16L, "Anna Andersson"))
        .thenReturn(new EInvoiceDelivery("0007:5560360793", "5566778899-F-2026-1.xml", 20L));
    when(distribution.delivered(letter, invoice, Channel.EINVOICE, "0007:5560360793", 2,
        "as PEPPOL e-invoice 5566778899-F-2026-1.xml")).thenReturn(InvoiceStatus.SENT);

    assertThat(channel.send(16L, 2)).isEqualTo(new EInvoiceDistribution.Outcome(InvoiceStatus.SENT, null));
    verify(invoices, never()).record(any(), any());
  }

  @Test
  void aRejectedEInvoiceIsADeviationNamingTheFirstFiveRulesItBreaks() {
    List<ValidationError> errors = IntStream.rangeClosed(1, 7)
        .mapToObj(i -> new ValidationError("BR-" + i, "rule " + i + " broken", null)).toList();
    when(einvoices.deliver(16L, "Anna Andersson")).thenThrow(new EInvoiceRejectedException("F-2026-1", errors));

    EInvoiceDistribution.Outcome outcome = channel.send(16L, 1);

    String reason = "the PEPPOL BIS 3.0 rules reject invoice-F-2026-1.pdf: [BR-1] rule 1 broken; [BR-2] rule 2 broken; "
        + "[BR-3] rule 3 broken; [BR-4] rule 4 broken; [BR-5] rule 5 broken (and 2 more)";
    assertThat(outcome).isEqualTo(new EInvoiceDistribution.Outcome(null, reason));
    verify(invoices).record(invoice, InvoiceEvent.of(InvoiceEventType.DISTRIBUTION_DEVIATION,
        "E-invoice not sent: " + reason).via("EINVOICE", "0007:5560360793"));
    verify(distribution, never()).delivered(any(), any(), any(), anyString(), anyInt(), anyString());
  }

  @Test
  void aFewBrokenRulesAreAllNamed() {
    when(einvoices.deliver(16L, "Anna Andersson")).thenThrow(new EInvoiceRejectedException("F-2026-1",
        List.of(new ValidationError("BR-CO-10", "sum of lines", "/Invoice"))));

    assertThat(channel.send(16L, 1).rejection()).isEqualTo("the PEPPOL BIS 3.0 rules reject invoice-F-2026-1.pdf: "
        + "[BR-CO-10] sum of lines (at /Invoice)");
  }

  @Test
  void aCustomerWithoutAnEndpointIsNotADeviationOfThisChannelButTheCallersToRoute() {
    NoElectronicAddressException noEndpoint = new NoElectronicAddressException("C-1", "F-2026-1");
    when(einvoices.deliver(16L, "Anna Andersson")).thenThrow(noEndpoint);

    assertThatThrownBy(() -> channel.send(16L, 1)).isSameAs(noEndpoint);
    verify(invoices, never()).record(any(), any());
    verify(distribution, never()).delivered(any(), any(), any(), anyString(), anyInt(), anyString());
  }
}
