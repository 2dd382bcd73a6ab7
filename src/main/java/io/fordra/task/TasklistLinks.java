package io.fordra.task;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links into Camunda Tasklist for mails to staff. fordra.public-url is the address people reach Fordra at (behind a
 * proxy it differs from the server's own); mails are sent by the job executor, where there is no request to ask.
 */
@Component
public class TasklistLinks {

  private final String base;

  public TasklistLinks(@Value("${fordra.public-url}") String publicUrl) {
    if (publicUrl == null || !publicUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException("fordra.public-url must be an http(s) address, not " + publicUrl);
    }
    this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Tasklist (the default engine). */
  public String tasklist() {
    return base + "/camunda/app/tasklist/default/";
  }

  /** The task in Tasklist. */
  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }
}
