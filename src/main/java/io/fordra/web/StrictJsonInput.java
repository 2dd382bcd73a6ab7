package io.fordra.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON of /api is read strictly (issue 13, finding 10): a number or a boolean is not a string (an invoice number
 * {@code 12345} is refused, not read as "12345"), and unknown properties are refused
 * ({@code spring.jackson.deserialization.fail-on-unknown-properties} in application.yaml). Only Spring's ObjectMapper
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
}
