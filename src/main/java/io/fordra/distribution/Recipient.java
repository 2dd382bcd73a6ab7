package io.fordra.distribution;

import io.fordra.customer.Channel;
import io.fordra.customer.Customer;
import io.fordra.customer.PostalAddresses;

/**
 * Who receives an invoice's documents, resolved in the order of seed 003: when the invoice belongs to an
 * organisation, the organisation's invoice reference, then the organisation, then the person. Each field is the
 * first candidate that has it; null where none has.
 *
 * @param preferredChannel the channel of the organisation (if the person belongs to one), else of the customer
 * @param email            where e-mail goes
 * @param postal           the postal recipient for print: name, attention line (the invoice reference) and address
 * @param electronic       the PEPPOL endpoint
 * @param buyerReference   the organisation's invoice reference person (BT-10 of an e-invoice), if any
 * @param directDebitMandate the autogiro/AvtaleGiro mandate of whoever pays
 * @param personnummer   the Swedish personnummer of a private person at home (their digital mailbox), else null
 */
public record Recipient(Channel preferredChannel, String email, Postal postal, Customer.ElectronicAddress electronic,
                        String buyerReference, String directDebitMandate, String personnummer) {

  /** A recipient without a digital mailbox. */
  public Recipient(Channel preferredChannel, String email, Postal postal, Customer.ElectronicAddress electronic,
                   String buyerReference, String directDebitMandate) {
    this(preferredChannel, email, postal, electronic, buyerReference, directDebitMandate, null);
  }

  public record Postal(String name, String attention, Customer.Address address) {}

  /**
   * @param customer     the invoice's customer
   * @param organisation the organisation the customer (a person) belongs to, or null
   */
  public static Recipient of(Customer customer, Customer organisation) {
    Customer first = organisation != null ? organisation : customer;
    Customer.InvoiceReference reference = first.invoiceReference();
    String email = firstNonBlank(reference == null ? null : reference.email(), first.invoiceRecipient(),
        organisation != null ? customer.invoiceRecipient() : null);
    Postal postal = null;
    if (PostalAddresses.isPostable(first.address())) {
      postal = new Postal(first.name(), reference == null ? null : reference.name(), first.address());
    } else if (organisation != null && PostalAddresses.isPostable(customer.address())) {
      postal = new Postal(customer.name(), null, customer.address());
    }
    Customer.ElectronicAddress electronic = first.electronicAddress() != null ? first.electronicAddress()
        : organisation != null ? customer.electronicAddress() : null;
    String mandate = firstNonBlank(first.directDebitMandate(),
        organisation != null ? customer.directDebitMandate() : null);
    return new Recipient(first.preferredChannel(), email, postal, electronic,
        reference == null ? null : reference.name(), mandate, personnummerOf(first));
  }

  /** A digital mailbox belongs to a person: a PRIVATE customer in Sweden whose number is their personnummer. */
  private static String personnummerOf(Customer customer) {
    return customer.type() == io.fordra.customer.CustomerType.PRIVATE
        && customer.country() == io.fordra.customer.Country.SE && customer.organisationNumber() != null
        && !customer.organisationNumber().isBlank() ? customer.organisationNumber().strip() : null;
  }

  /** The recipient as it shows in the invoice's history for a channel. */
  public String describe(Channel channel) {
    return switch (channel) {
      case EMAIL -> email;
      case PRINT -> postal == null ? null : postalLine(postal.name(), postal.attention(), postal.address().street(),
          postal.address().postalCode(), postal.address().city(), postal.address().country());
      case EINVOICE -> electronic == null ? null : electronic.scheme() + ":" + electronic.id();
      case DIRECT_DEBIT -> directDebitMandate == null ? null : "mandate " + directDebitMandate;
      // Only the birth date in the history; whether there is a mailbox is known once Kivra is asked.
      case DIGITAL_MAILBOX -> personnummer == null ? null : "digital mailbox of "
          + personnummer.replaceAll("[-+]?\\d{4}$", "") + "-****";
      // The fødselsnummer stays out of the history: the eFaktura register is addressed by it.
      case EFAKTURA -> "eFaktura (online bank)";
    };
  }

  /** A postal recipient on one line, as the invoice's history shows it. */
  public static String postalLine(String name, String attention, String street, String postalCode, String city,
                                  String country) {
    return name + (attention == null ? "" : ", att. " + attention) + ", " + street + ", " + postalCode + " " + city
        + ", " + country;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
