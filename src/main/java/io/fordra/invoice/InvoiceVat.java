package io.fordra.invoice;

/**
 * How one invoice was taxed and the VAT numbers it carried (both print on its documents and go in its e-invoice);
 * an invoice at the seller's own rates has {@link VatTreatment#DOMESTIC} and no numbers of its own.
 */
public record InvoiceVat(VatTreatment treatment, String buyerVatNumber, String sellerVatNumber) {

  public static final InvoiceVat DOMESTIC = new InvoiceVat(VatTreatment.DOMESTIC, null, null);
}
