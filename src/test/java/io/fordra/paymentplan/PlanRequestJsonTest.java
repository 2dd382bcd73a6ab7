package io.fordra.paymentplan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fordra.kernel.InvalidRequestException;
import io.fordra.kernel.Violation;
import org.junit.jupiter.api.Test;

/** The body of POST /api/payment-plans as the door reads it. */
class PlanRequestJsonTest {

  @Test
  void aNullAmongTheInvoiceNumbersIsCalledNull() throws Exception {
    // Was "must be a JSON string (text in quotes), not an object" for [null].
    var body = new ObjectMapper().readTree("""
        {"customerNumber": "C-8801", "invoiceNumbers": [null, "F-8801-1"], "kind": "INSTALMENTS", "instalments": 3}
        """);
    assertThatThrownBy(() -> PlanRequestJson.read(body, PlanRequest.RequestedBy.CASE_HANDLER, "ch", 12))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> org.assertj.core.api.Assertions
            .assertThat(e.violations()).containsExactly(new Violation("invoiceNumbers[0]",
                "must be a JSON string (text in quotes), not null")));
  }
}
