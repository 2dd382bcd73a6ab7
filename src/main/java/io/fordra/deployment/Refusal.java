package io.fordra.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * One reason the gate refuses a deployment: the resource, the element (the nearest one with an id) and what in it is
 * refused. As a Camunda {@link Problem} it reaches the engine REST API's answer and the Modeler.
 */
record Refusal(String resource, String elementId, int line, int column, String message) implements Problem {

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public String getMainElementId() {
    return elementId;
  }

  @Override
  public List<String> getElementIds() {
    return elementId == null ? List.of() : List.of(elementId);
  }

  @Override
  public String toString() {
    return resource + (elementId == null ? "" : ": " + elementId) + ": " + message
        + (line > 0 ? " (line " + line + ")" : "");
  }
}
