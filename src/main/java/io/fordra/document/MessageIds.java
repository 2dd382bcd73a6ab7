package io.fordra.document;

/**
 * The Message-ID that a document's mail will carry, stored with the document (distribution.MailProperties makes it
 * from fordra.mail). A port, so that document, which distribution sends, does not depend on distribution.
 */
public interface MessageIds {

  /** The Message-ID of an invoice's mail for one step ("invoice.1", "credit-note.2" …). */
  String messageId(String invoiceNumber, String step);
}
