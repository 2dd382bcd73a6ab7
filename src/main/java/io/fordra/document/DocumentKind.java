package io.fordra.document;

/** The letters Fordra sends about an invoice, in the order a receivable can escalate through them. */
public enum DocumentKind { INVOICE, REMINDER, COLLECTION_NOTICE, AGENCY_CASE }
