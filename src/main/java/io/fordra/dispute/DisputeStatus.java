package io.fordra.dispute;

/** Where an objection stands. OPEN holds follow-up of the disputed amount. */
enum DisputeStatus { OPEN, REJECTED, ACCEPTED, WITHDRAWN, CLOSED_NO_RESPONSE, CONCILIATION_BOARD, CLOSED }
