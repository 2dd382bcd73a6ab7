package io.fordra.autogiro;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * GET /api/customers/{n}/mandates the customer's direct-debit mandates; POST … a new Autogiro mandate (201, REQUESTED,
 * sent to the bank in the next mandate file); DELETE …/{id} cancels one (the bank is told in the next file).
 * POST /api/autogiro/mandate-advice-files (multipart "file") applies a mandate advice from Bankgirot, as the inbox
 * does; GET …/{id} its summary.
 */
@RestController
class MandateController {

  private final MandateService mandates;
  private final MandateAdviceService advice;

  MandateController(MandateService mandates, MandateAdviceService advice) {
    this.mandates = mandates;
    this.advice = advice;
  }

  @GetMapping("/api/customers/{customerNumber}/mandates")
  public List<Mandate> list(@PathVariable String customerNumber) {
    return mandates.ofCustomer(customerNumber);
  }

  @GetMapping("/api/customers/{customerNumber}/mandates/{id}")
  public Mandate get(@PathVariable String customerNumber, @PathVariable long id) {
    return mandates.get(customerNumber, id);
  }

  @PostMapping("/api/customers/{customerNumber}/mandates")
  public ResponseEntity<Mandate> request(@PathVariable String customerNumber,
                                         @RequestBody(required = false) MandateRequest request, Principal user) {
    Mandate created = mandates.request(customerNumber, request, user.getName());
    return ResponseEntity.created(URI.create("/api/customers/" + customerNumber + "/mandates/" + created.id()))
        .body(created);
  }

  @DeleteMapping("/api/customers/{customerNumber}/mandates/{id}")
  public Mandate cancel(@PathVariable String customerNumber, @PathVariable long id, Principal user) {
    return mandates.cancel(customerNumber, id, user.getName());
  }

  @PostMapping(path = "/api/autogiro/mandate-advice-files", consumes = "multipart/form-data")
  public ResponseEntity<MandateAdviceSummary> upload(@RequestParam("file") MultipartFile file) throws IOException {
    MandateAdviceSummary summary = advice.receive(file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.status(summary.sameFileAgain() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/autogiro/mandate-advice-files/" + summary.id())).body(summary);
  }

  @GetMapping("/api/autogiro/mandate-advice-files/{id}")
  public MandateAdviceSummary summary(@PathVariable long id) {
    return advice.summary(id);
  }
}
