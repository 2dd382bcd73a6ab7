package io.fordra.ledger;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * fordra.ledger.*: the accounts Fordra books on. Every key is optional: what is not set comes from the standard
 * chart of the seller's country (Sweden: BAS, Norway: NS 4102), see {@link LedgerAccounts}.
 *
 * @param accounts  account per role: receivables, bank, interest, fees, late-compensation, customer-credit,
 *                  unmatched-payments, bad-debt, opening (the cut-over account: the other side of the opening
 *                  entries of invoices taken over from the previous system; BAS 1518, NS 4102 1509 by default)
 * @param sales     sales (revenue) account per VAT rate in percent ("25", "12", "6", "0")
 * @param outputVat output VAT account per VAT rate in percent
 * @param names     account names for the SIE file (#KONTO), by account number
 */
@ConfigurationProperties("fordra.ledger")
public record LedgerProperties(Map<String, String> accounts, Map<String, String> sales, Map<String, String> outputVat,
                               Map<String, String> names) {

  public LedgerProperties {
    accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    sales = sales == null ? Map.of() : Map.copyOf(sales);
    outputVat = outputVat == null ? Map.of() : Map.copyOf(outputVat);
    names = names == null ? Map.of() : Map.copyOf(names);
  }
}
