package io.fordra.distribution.einvoice;

/** The customer has no PEPPOL endpoint (electronic address): the document must go by another channel. */
public class NoElectronicAddressException extends RuntimeException {

  private final String customerNumber;

  public NoElectronicAddressException(String customerNumber, String documentNumber) {
    super("Customer " + customerNumber + " has no electronic address (PEPPOL endpoint): " + documentNumber
        + " cannot be sent as an e-invoice, send it by another channel");
    this.customerNumber = customerNumber;
  }

  public String customerNumber() {
    return customerNumber;
  }
}
