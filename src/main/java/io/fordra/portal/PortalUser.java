package io.fordra.portal;

import java.time.Instant;

/** A customer's user of the portal. The password hash never leaves PortalUserRepository and PortalUsers. */
public record PortalUser(
    long id,
    String customerNumber,
    String username,
    String name,
    String email,
    boolean administrator,
    boolean financial,
    String language,
    boolean disabled,
    Instant sessionsValidFrom,
    Instant createdAt) {}
