package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fordra.kernel.Violation;
import io.fordra.kernel.Violations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The doors' shape checks of a plan request that both the REST body and the portal form go through. */
class PlanRequestDoorTest {

  private static List<Violation> check(String note) {
    PlanRequest request = new PlanRequest("C-8801", List.of("F-8801-1"), PlanKind.INSTALMENTS, 3, null, null, note,
        PlanRequest.RequestedBy.CUSTOMER, "anna.a");
    Violations violations = new Violations();
    PlanRequestDoor.check(request, 12, violations);
    return violations.list();
  }

  @Test
  void aNoteWithTheNulCharacterIsRefused() {
    // The portal's form decodes %00 into the note; the REST door refused it, the portal stored it (PostgreSQL cannot).
    assertThat(check("can pay\u0000 later")).extracting(Violation::field, Violation::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("note",
            "must not contain the NUL character (\\u0000)"));
  }

  @Test
  void anOrdinaryNoteAndNoNotePass() {
    assertThat(check("Lost his job in November; <b>can</b> pay 3 000 a month")).isEmpty();
    assertThat(check(null)).isEmpty();
  }
}
