package io.fordra.dunning;

import io.fordra.customer.Country;
import io.fordra.customer.CustomerService;
import io.fordra.deployment.ModelFunctions;
import io.fordra.invoice.Invoice;
import io.fordra.invoice.InvoiceService;
import io.fordra.invoice.InvoiceToCash;
import io.fordra.seller.SellerProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dunning policy's inputs that the invoice and its customer know (level, debtor group, law of the claim) (${dunningFacts.gather(execution)} on "Decide next dunning
 * step"): read from the database just before the table runs, so the process keeps no copy that could drift.
 */
@Component("dunningFacts")
@ModelFunctions
public class DunningFacts {

  private final InvoiceService invoices;
  private final CustomerService customers;
  private final SellerProperties seller;

  public DunningFacts(InvoiceService invoices, CustomerService customers, SellerProperties seller) {
    this.invoices = invoices;
    this.customers = customers;
    this.seller = seller;
  }

  public void gather(DelegateExecution execution) {
    Invoice invoice = invoices.get(InvoiceToCash.INVOICE_NUMBER.from(execution));
    InvoiceToCash.DUNNING_LEVEL.setTransient(execution, invoice.dunningLevel());
    Country debtor = customers.get(invoice.customerNumber()).country();
    InvoiceToCash.DEBTOR_GROUP.setTransient(execution, DebtorGroup.of(debtor).name());
    InvoiceToCash.LAW_OF_CLAIM.setTransient(execution, DebtorGroup.lawOfClaim(debtor, seller.country()).name());
  }
}
