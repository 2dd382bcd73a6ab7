package io.fordra.article;

import java.math.BigDecimal;

/**
 * The chart of accounts as the article register asks it (ledger.Ledger answers): an article's VAT rate must be
 * bookable. A port, so that article, below invoice and the ledger, depends on neither.
 */
public interface ChartOfAccounts {

  /** Whether a line at this VAT rate can be booked: the chart has its sales account and (above 0 %) its VAT account. */
  boolean canBook(BigDecimal vatRate);
}
