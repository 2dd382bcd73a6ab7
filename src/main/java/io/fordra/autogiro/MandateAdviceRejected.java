package io.fordra.autogiro;

import io.fordra.kernel.FileRejected;
import java.util.List;

/** A mandate advice file refused whole (truncated, counts that do not match, not a mandate advice): nothing applied. */
public class MandateAdviceRejected extends FileRejected {

  public MandateAdviceRejected(List<Problem> problems) {
    super(problems);
  }

  @Override
  public String title() {
    return "The Autogiro mandate advice file is refused whole; no mandate was changed";
  }
}
