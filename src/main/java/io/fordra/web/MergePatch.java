package io.fordra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7396), the body of a PATCH with {@code Content-Type: application/merge-patch+json}: a member
 * given replaces the target's, {@code null} removes it, a member left out stays, and objects merge member by member.
 */
public final class MergePatch {

  /** The media type a merge patch is sent with. */
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private MergePatch() {}

  /** The target with the patch applied; neither is changed. */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject()
        ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
    patch.properties().forEach(member -> {
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
      }
    });
    return result;
  }
}
