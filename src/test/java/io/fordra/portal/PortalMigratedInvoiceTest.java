package io.fordra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.FordraTestContext;
import io.fordra.ProcessTestSupport;
import io.fordra.customer.Country;
import io.fordra.customer.CustomerRequest;
import io.fordra.customer.CustomerService;
import io.fordra.customer.CustomerType;
import io.fordra.invoice.Invoice;
import io.fordra.migration.MigrationFileService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 000: during the switch the customer sees invoices of both systems; one taken over from the previous system
 * says so in the portal's list and on its page, so that the customer knows it is not a duplicate.
 */
@FordraTestContext
class PortalMigratedInvoiceTest extends ProcessTestSupport {

  private static final String PASSWORD = "lösenord för portalen";

  @Autowired CustomerService customers;
  @Autowired PortalUsers portalUsers;
  @Autowired MigrationFileService migrationFiles;

  @Test
  void anInvoiceFromThePreviousSystemIsMarkedInTheListAndOnItsPage() {
    at(LocalDate.of(2031, 6, 2), LocalTime.of(9, 0));
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    CustomerRequest customer = customer(CustomerType.BUSINESS, Country.SE, false, true);
    customers.create(customer);
    Invoice fromNewSystem = createInvoice(customer, io.fordra.invoice.Currency.SEK);
    String old = "OLD-" + run;
    String csv = "invoiceNumber;customerNumber;issueDate;dueDate;currency;description;quantity;unitPrice;vatRate\n"
        + old + ";" + customer.customerNumber() + ";2031-05-20;2031-06-19;SEK;Licens maj;1;1000,00;25\n";
    var summary = migrationFiles.receive("portal.csv", csv.getBytes(StandardCharsets.UTF_8), null, null, "test",
        null);
    assertThat(summary.created()).as(summary.toString()).isEqualTo(1);
    String user = "kund." + run.toLowerCase();
    portalUsers.create(customer.customerNumber(), new PortalUserRequest(user, "Karin Kund", null, PASSWORD, false,
        false, "sv"), "test");
    PortalBrowser browser = new PortalBrowser(port);
    assertThat(browser.login(user, PASSWORD).statusCode()).isEqualTo(303);

    String list = browser.get("/portal/invoices").body();
    assertThat(list).contains(old + "</a> <span class=\"migrated\"", "från det tidigare systemet");
    assertThat(list).contains(fromNewSystem.invoiceNumber() + "</a></td>");
    String page = browser.get("/portal/invoices/" + old).body();
    assertThat(page).contains("id=\"invoice-migrated\"", "ingen dubblett");
    assertThat(browser.get("/portal/invoices/" + fromNewSystem.invoiceNumber()).body())
        .doesNotContain("invoice-migrated");
  }
}
