package io.fordra.dispute;

/** The case handler's answer in "Respond to objection" (forms/respond-to-objection.form). */
enum ObjectionDecision { ACCEPT_FULL, ACCEPT_PARTIAL, REJECT }
