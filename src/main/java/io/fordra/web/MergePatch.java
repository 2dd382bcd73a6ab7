package io.fordra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;

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

  /**
   * The patched resource as the request type, read as strictly as a body (unknown fields and scalars for text refused:
   * 400 problem+json as for a body).
   */
  public static <T> T read(ObjectMapper json, JsonNode patched, Class<T> type, HttpServletRequest http) {
    if (patched == null || !patched.isObject()) {
      // A patch of null, an array or a number replaces the whole resource with something that is not one.
      throw new HttpMessageNotReadableException("not a JSON object",
          MismatchedInputException.from(null, type, "not a JSON object"), new ServletServerHttpRequest(http));
    }
    try {
      return json.treeToValue(patched, type);
    } catch (JsonProcessingException e) {
      throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(http));
    }
  }
}
