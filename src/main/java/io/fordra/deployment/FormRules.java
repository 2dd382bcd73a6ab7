package io.fordra.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Camunda Form (.form, JSON) may hold: an id, and components of the kinds that show and take values. Tasklist
 * renders forms in the user's browser, so components that load or run markup from elsewhere (html, iframe, and any
 * kind the gate does not know) are refused.
 */
final class FormRules {

  private static final Set<String> COMPONENTS = Set.of("text", "textfield", "textarea", "number", "checkbox",
      "checklist", "radio", "select", "taglist", "datetime", "button", "spacer", "separator", "group",
      "dynamiclist");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FormRules() {}

  static List<Refusal> judge(String resource, byte[] content) {
    List<Refusal> refusals = new ArrayList<>();
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      return List.of(new Refusal(resource, null, 0, 0, "not a Camunda Form (JSON): " + e.getMessage()));
    }
    if (form == null || !form.isObject() || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      return List.of(new Refusal(resource, null, 0, 0, "a Camunda Form is a JSON object with an id"));
    }
    components(resource, form, refusals);
    return refusals;
  }

  private static void components(String resource, JsonNode parent, List<Refusal> refusals) {
    for (JsonNode component : parent.path("components")) {
      String type = component.path("type").asText();
      if (!COMPONENTS.contains(type)) {
        refusals.add(new Refusal(resource, component.path("id").asText(null), 0, 0,
            "a form component of type \"" + type + "\" is not one the gate allows"));
      }
      components(resource, component, refusals);
    }
  }
}
