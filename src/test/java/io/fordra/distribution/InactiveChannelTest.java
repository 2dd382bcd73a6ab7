package io.fordra.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Channel;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Currency;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceEvent;
import io.fordra.invoice.InvoiceEventType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Seed 003's example: organisation B prefers a channel that company A has not switched on; B's invoices go by A's
 * default channel.
 */
@FordraTestContext
@TestPropertySource(properties = {"fordra.distribution.active-channels=EMAIL,EINVOICE",
    "fordra.distribution.default-channel=EMAIL", "fordra.distribution.reserve-channel=EMAIL",
    "fordra.print.batch-close-cron=-"})
class InactiveChannelTest extends ProcessTestSupport {

  @Test
  void aCustomerWhosePreferredChannelIsNotActiveGetsTheDefaultChannel() throws Exception {
    CustomerRequest prefersPrint = new CustomerRequest("C-" + UUID.randomUUID().toString().substring(0, 8),
        "Organisation B", CustomerType.BUSINESS, false, Country.SE, "556036-0793", "b@org.example", null,
        new CustomerRequest.AddressRequest("Storgatan 1", "111 22", "Stockholm", null), false, Channel.PRINT, null,
        null);
    Invoice invoice = createInvoice(prefersPrint, Currency.SEK);
    executeDueJobs();

    assertThat(mail(invoice, "invoice.1")).contains("To: b@org.example");
    assertThat(invoices.events(reload(invoice))).filteredOn(e -> e.type() == InvoiceEventType.CHANNEL_CHOSEN)
        .extracting(InvoiceEvent::message).singleElement().asString()
        .contains("EMAIL").contains("default channel");
  }
}
