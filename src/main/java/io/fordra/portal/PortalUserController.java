package io.fordra.portal;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff create and list a customer's portal users: /api/customers/{customerNumber}/portal-users. */
@RestController
class PortalUserController {

  /** A portal user as the API shows it: never the password or its hash. */
  public record PortalUserView(long id, String customerNumber, String username, String name, String email,
                               boolean administrator, boolean financial, String language, boolean disabled,
                               Instant createdAt) {
    static PortalUserView of(PortalUser u) {
      return new PortalUserView(u.id(), u.customerNumber(), u.username(), u.name(), u.email(), u.administrator(),
          u.financial(), u.language(), u.disabled(), u.createdAt());
    }
  }

  private final PortalUsers users;

  public PortalUserController(PortalUsers users) {
    this.users = users;
  }

  @PostMapping("/api/customers/{customerNumber}/portal-users")
  public ResponseEntity<PortalUserView> create(@PathVariable String customerNumber,
                                               @RequestBody PortalUserRequest request, Principal staff) {
    PortalUser user = users.create(customerNumber, request, "staff:" + (staff == null ? "?" : staff.getName()));
    return ResponseEntity.created(URI.create("/api/customers/" + customerNumber + "/portal-users/" + user.id()))
        .body(PortalUserView.of(user));
  }

  @GetMapping("/api/customers/{customerNumber}/portal-users")
  public List<PortalUserView> list(@PathVariable String customerNumber) {
    return users.ofCustomer(customerNumber).stream().map(PortalUserView::of).toList();
  }
}
