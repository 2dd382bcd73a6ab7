package io.fordra.avtalegiro;

import io.fordra.kernel.FileRejected;
import java.util.List;

/** An AvtaleGiro agreement file that is refused whole: no agreement of it is applied. */
class AgreementFileRejected extends FileRejected {

  AgreementFileRejected(List<Problem> problems) {
    super(problems);
  }

  @Override
  public String title() {
    return "The AvtaleGiro agreement file is rejected: no agreement of it is applied";
  }
}
