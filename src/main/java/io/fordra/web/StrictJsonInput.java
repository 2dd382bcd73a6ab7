package io.fordra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON of /api is read strictly (issue 13, finding 10): a number or a boolean is not a string (an invoice number
 * {@code 12345} is refused, not read as "12345"), and unknown properties are refused
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties} in application.yaml), as are a property given
 * twice, content after the body's JSON value and text holding the NUL character (PostgreSQL cannot store it; issue 15).
 * Only Spring's ObjectMapper
 * is changed: the engine REST API, the Camunda webapps and Spin read JSON with their own mappers.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
    return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  @Bean
  SimpleModule noNulInText() {
    // A Module bean: Spring Boot installs it into its ObjectMapper beside the modules it finds itself.
    return new SimpleModule("fordra-no-nul").addDeserializer(String.class, new NoNulText());
  }

  /** Text as Jackson reads it, refused when it holds U+0000 (JsonProblems names the property). */
  static final class NoNulText extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = super.deserialize(parser, context);
      if (text != null && text.indexOf('\u0000') >= 0) {
        throw context.weirdStringException(text, String.class, JsonProblems.NUL);
      }
      return text;
    }
  }
}
