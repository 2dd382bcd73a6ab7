package io.fordra.distribution.efaktura;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The SOAP messages of the eFaktura issuer service, following Mastercard Payment Services' published
 * "Web Service: EfakturaNetsSubmitterService" (target namespace
 * https://efaktura-services.nets.no/invoicing-nets-submitter/v1/, SOAP 1.1 over HTTP, document/literal; efaktura.no,
 * developer documentation, eFaktura 2.0 "Issuer via Nets"):
 * <ul>
 *   <li>getEfakturaIdentifiers: is the person (socialSecurityNumber = fødselsnummer) in the eFaktura register, with
 *       a general acceptance ("Alltid eFaktura" / "Ja takk til alle", hasAutoAcceptAgreements) and not having stopped
 *       eFaktura from this issuer (blockedByReceiver);</li>
 *   <li>addInvoices: auditInformation/messageIdentifier (5-50 characters), consignmentId (1-40; Fordra writes 11
 *       digits, which also meets the older 11-digit rule), invoices/invoice with invoiceNumber (1-100) and the one
 *       addressing choice of efakturaReference, efakturaIdentifier or socialSecurityNumber (error 5003 without one).
 *       A consignmentId sent before is refused with error 209 ("Duplicate consignmentId"): that is what makes a retry
 *       safe.</li>
 * </ul>
 * The invoice's payment fields (issuer, amount, currency, dueDate, kid, accountNumber, the PDF) carry the data the
 * public description lists for a request for payment; their element names here must be checked against the WSDL the
 * service hands out at the formal test before production (the public page shows the operations, not every element).
 * Only document type INVOICE is issued (the service's error 3100: "currently only INVOICE is allowed"), so reminders
 * and credit notes never go this way. The reader is liberal: elements are found by local name in any namespace.
 */
final class EFakturaMessages {

  static final String NS = "https://efaktura-services.nets.no/invoicing-nets-submitter/v1/";
  static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  /** The service's validation code for a consignment id it has already taken. */
  static final String DUPLICATE_CONSIGNMENT = "209";

  /** One invoice to issue. */
  record Issue(String messageIdentifier, String consignmentId, String invoiceNumber, String efakturaIdentifier,
               String socialSecurityNumber, String issuerId, LocalDate issueDate, LocalDate dueDate,
               BigDecimal amount, String currency, String kid, String accountNumber, String receiverName,
               String pdfFileName, byte[] pdf) {}

  /** What the register says about one person for this issuer. */
  record RegisterAnswer(String socialSecurityNumber, RecipientStatus status, String efakturaIdentifier) {}

  /** A SOAP fault: the service's code (e.g. 209, 5003) where it gives one, and its text. */
  record Fault(String code, String text) {}

  private EFakturaMessages() {}

  static byte[] lookup(String messageIdentifier, String issuerId, List<String> socialSecurityNumbers) {
    return envelope("getEfakturaIdentifiers", w -> {
      audit(w, messageIdentifier);
      element(w, "issuer", issuerId);
      w.writeStartElement("efakturaIdentifierRequests");
      for (String ssn : socialSecurityNumbers) {
        element(w, "socialSecurityNumber", ssn);
      }
      w.writeEndElement();
    });
  }

  static byte[] addInvoices(Issue issue) {
    return envelope("addInvoices", w -> {
      audit(w, issue.messageIdentifier());
      element(w, "consignmentId", issue.consignmentId());
      w.writeStartElement("invoices");
      w.writeStartElement("invoice");
      element(w, "invoiceNumber", issue.invoiceNumber());
      if (issue.efakturaIdentifier() != null) {
        element(w, "efakturaIdentifier", issue.efakturaIdentifier());
      } else {
        element(w, "socialSecurityNumber", issue.socialSecurityNumber());
      }
      element(w, "issuer", issue.issuerId());
      element(w, "documentType", "INVOICE");
      element(w, "issueDate", issue.issueDate().toString());
      element(w, "dueDate", issue.dueDate().toString());
      // Strict in what we write: two decimals, a point, no grouping.
      element(w, "amount", issue.amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
      element(w, "currency", issue.currency());
      element(w, "kid", issue.kid());
      element(w, "accountNumber", issue.accountNumber());
      element(w, "receiverName", issue.receiverName());
      if (issue.pdf() != null) {
        w.writeStartElement("attachment");
        element(w, "fileName", issue.pdfFileName());
        element(w, "mimeType", "application/pdf");
        element(w, "content", Base64.getEncoder().encodeToString(issue.pdf()));
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
    });
  }

  /** Every person the answer names; a person it does not name is not in the register. */
  static List<RegisterAnswer> registerAnswers(byte[] response) {
    Document doc = parse(response);
    List<RegisterAnswer> answers = new ArrayList<>();
    NodeList numbers = doc.getElementsByTagNameNS("*", "socialSecurityNumber");
    for (int i = 0; i < numbers.getLength(); i++) {
      Element entry = (Element) numbers.item(i).getParentNode();
      String ssn = numbers.item(i).getTextContent().trim();
      String identifier = child(entry, "efakturaIdentifier");
      boolean autoAccept = truthy(child(entry, "hasAutoAcceptAgreements"));
      boolean blocked = truthy(child(entry, "blockedByReceiver"));
      RecipientStatus status = blocked ? RecipientStatus.BLOCKED
          : identifier != null && autoAccept ? RecipientStatus.ACCEPTED : RecipientStatus.NOT_REGISTERED;
      answers.add(new RegisterAnswer(ssn, status, status == RecipientStatus.ACCEPTED ? identifier : null));
    }
    return answers;
  }

  /** The fault in a response, or null when there is none. */
  static Fault fault(byte[] response) {
    Document doc;
    try {
      doc = parse(response);
    } catch (IllegalArgumentException notXml) {
      return null;
    }
    NodeList faults = doc.getElementsByTagNameNS("*", "Fault");
    if (faults.getLength() == 0) {
      return null;
    }
    Element fault = (Element) faults.item(0);
    String text = descendant(fault, "faultstring");
    String code = descendant(fault, "errorCode");
    if (code == null) {
      code = descendant(fault, "code");
    }
    if (code == null && text != null && text.matches("\\s*\\d{3,4}\\b.*")) {
      code = text.trim().split("\\D", 2)[0];
    }
    return new Fault(code, text == null ? "" : text.trim());
  }

  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
      // Report through the exception only (the default handler also prints to stderr).
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
          throw e;
        }
      });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalArgumentException("not a well-formed XML answer: " + e.getMessage(), e);
    }
  }

  private interface Body {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static byte[] envelope(String operation, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("soapenv", "Envelope", SOAP_NS);
      w.writeNamespace("soapenv", SOAP_NS);
      w.writeNamespace("v1", NS);
      w.writeStartElement("soapenv", "Header", SOAP_NS);
      w.writeEndElement();
      w.writeStartElement("soapenv", "Body", SOAP_NS);
      w.writeStartElement("v1", operation, NS);
      body.write(w);
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the eFaktura " + operation + " message", e);
    }
    return out.toByteArray();
  }

  private static void audit(XMLStreamWriter w, String messageIdentifier) throws XMLStreamException {
    w.writeStartElement("auditInformation");
    element(w, "messageIdentifier", messageIdentifier);
    w.writeEndElement();
  }

  private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    if (value == null) {
      throw new IllegalArgumentException("eFaktura element " + name + " has no value");
    }
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  private static String child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        String text = e.getTextContent().trim();
        return text.isEmpty() ? null : text;
      }
    }
    return null;
  }

  private static String descendant(Element parent, String localName) {
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    if (nodes.getLength() == 0) {
      nodes = parent.getElementsByTagName(localName);
    }
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
  }

  private static boolean truthy(String value) {
    return value != null && (value.toLowerCase(Locale.ROOT).equals("true") || value.equals("1"));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
