package io.fordra.portal;

/**
 * POST /api/customers/{customerNumber}/portal-users, and the portal administrator's "new user" form. No language =
 * the customer's.
 */
public record PortalUserRequest(String username, String name, String email, String password, Boolean administrator,
                                Boolean financial, String language) {}
