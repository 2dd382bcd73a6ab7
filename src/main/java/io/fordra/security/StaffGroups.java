package io.fordra.security;

import java.util.List;

/** The names of the staff groups: Camunda's administrators and Fordra's four roles (README "Users, groups …"). */
final class StaffGroups {

  /** Camunda's administrators: may do everything. */
  public static final String ADMINS = "camunda-admin";
  public static final String CASE_HANDLERS = "case-handlers";
  public static final String PROCESS_OWNERS = "process-owners";
  public static final String AUDITORS = "auditors";
  public static final String FINANCE = "finance";

  /** Fordra's roles, which user tasks and authorizations name (camunda-admin is Camunda's own). */
  public static final List<String> ROLES = List.of(CASE_HANDLERS, PROCESS_OWNERS, AUDITORS, FINANCE);

  private StaffGroups() {}
}
