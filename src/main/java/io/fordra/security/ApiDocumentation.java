package io.fordra.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The API's description (springdoc): OpenAPI 3 at {@value #API_DOCS}, Swagger UI at /swagger-ui.html, both behind the
 * API's login (SecurityChains). Every operation says who may call it, from the same rules that decide it
 * (ApiRules), and that refusals and bad input are answered in problem+json (RFC 7807).
 */
@Configuration
class ApiDocumentation {

  static final String API_DOCS = "/v3/api-docs";
  private static final String BASIC = "basic";
  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI fordraApi() {
    return new OpenAPI()
        .info(new Info().title("Fordra API").version("1")
            .description("Invoices, payments, objections, reminders, the receivables ledger and its reports. "
                + "Every call needs HTTP Basic; who may call what is given per operation."))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** Who may call each operation, and the problem+json answers that every operation can give. */
  @Bean
  OpenApiCustomizer rolesAndProblems() {
    return api -> {
      // Here, not in the OpenAPI bean: springdoc replaces the schemas with those it generates.
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        List<String> groups = ApiRules.groupsFor(HttpMethod.valueOf(method.name()), path);
        operation.addExtension("x-fordra-groups", groups);
        String who = "Who may call it: " + String.join(", ", groups) + ".";
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        problems(operation, method);
      }));
    };
  }

  private static void problems(Operation operation, PathItem.HttpMethod method) {
    Map<String, String> answers = new java.util.LinkedHashMap<>();
    answers.put("400", "Bad input: every problem listed in `errors`, nothing stored");
    answers.put("401", "No or wrong user name and password");
    answers.put("403", "The user's groups may not call this operation");
    if (method != PathItem.HttpMethod.POST || operation.getParameters() != null) {
      answers.put("404", "No such resource");
    }
    if (method != PathItem.HttpMethod.GET) {
      answers.put("409", "In conflict with what is stored, or with a request at the same moment");
    }
    answers.forEach((status, text) -> {
      if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
        operation.getResponses().addApiResponse(status, new ApiResponse().description(text)
            .content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
      }
    });
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    return new Schema<>().type("object").description("RFC 7807 problem details")
        .addProperty("type", new Schema<>().type("string").format("uri"))
        .addProperty("title", new Schema<>().type("string"))
        .addProperty("status", new Schema<>().type("integer"))
        .addProperty("detail", new Schema<>().type("string"))
        .addProperty("instance", new Schema<>().type("string").format("uri"))
        .addProperty("errors", new Schema<>().type("array").description("each bad field and why")
            .items(new Schema<>().type("object")
                .addProperty("field", new Schema<>().type("string"))
                .addProperty("message", new Schema<>().type("string"))))
        .addProperty("errorCount", new Schema<>().type("integer").description("how many problems in all"));
  }
}
