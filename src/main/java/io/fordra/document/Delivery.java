package io.fordra.document;

import java.time.Instant;

/** One hand-over of a document to a channel: a letter sent again has several. */
public record Delivery(long id, long documentId, String channel, String recipient, Instant sentAt) {}
