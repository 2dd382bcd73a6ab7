package io.fordra.distribution.print;

/** One letter of a print batch that was handed over: the document's attempt is now sent. */
public record HandedOverItem(long documentId, int attempt, PrintRecipient recipient, String batchName) {}
