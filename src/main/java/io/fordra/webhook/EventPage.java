package io.fordra.webhook;

import java.util.List;

/** A page of GET /api/events: ask again with after=next; fewer than limit events means the end for now. */
public record EventPage(List<Event> events, long next) {}
