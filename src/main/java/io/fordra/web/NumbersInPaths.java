package io.fordra.web;

import io.fordra.kernel.Identifiers;
import io.fordra.kernel.Violations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every path variable that names an invoice, customer or article ({invoiceNumber}, {customerNumber},
 * {articleNumber}) follows Identifiers' rule, or the request is refused with 400 naming it before the controller
 * runs: no such number can exist, and nothing is looked up by it.
 */
@Configuration
class NumbersInPaths implements WebMvcConfigurer, HandlerInterceptor {

  private static final List<String> NUMBERS = List.of("invoiceNumber", "customerNumber", "articleNumber");

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // The portal answers with its own pages: a number outside the rule is no invoice of the customer's (404).
    registry.addInterceptor(this).excludePathPatterns("/portal/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
      Violations violations = new Violations();
      for (String name : NUMBERS) {
        if (variables.get(name) instanceof String number && !Identifiers.isValid(number)) {
          violations.add(name, Identifiers.problem(number));
        }
      }
      violations.throwIfAny();   // ProblemHandler: 400 problem+json
    }
    return true;
  }
}
