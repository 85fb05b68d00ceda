package dev.sextant.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads a request body without ever holding more than the limit in memory. */
final class Bodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  /**
   * When the body is declared {@code application/json}, it must parse as JSON: otherwise it would
   * be read as YAML, which takes most text, and be reported as invalid YAML.
   *
   * @throws InvalidInputException 422, saying where the JSON breaks
   */
  static void requireJsonWhenDeclared(Context ctx, String source, byte[] body) {
    if (!RouteTable.mediaType(ctx).equals(java.util.Optional.of("application/json"))) {
      return;
    }
    json(source, body);
  }

  /**
   * The JSON in a body.
   *
   * @throws InvalidInputException (422) saying where the body stops being JSON
   */
  static JsonNode json(String source, byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Position position =
          at == null || at.getLineNr() < 1
              ? Position.FILE
              : new Position(at.getLineNr(), Math.max(1, at.getColumnNr()));
      throw new InvalidInputException(
          List.of(
              new Problem(
                  source,
                  position,
                  "",
                  "not valid JSON: " + ResourceRoutes.clean(e.getOriginalMessage()))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] read(Context ctx, long limit) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) limit + 1);
      if (body.length > limit) {
        throw tooLarge(limit);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiException tooLarge(long limit) {
    return ApiException.tooLarge("request body is larger than the limit of " + limit + " bytes");
  }

  /**
   * The body as a JSON object, read up to 64 KiB.
   *
   * @throws ApiException 400 when it is not a JSON object
   */
  static JsonNode object(Context ctx) {
    JsonNode body = json("<request>", read(ctx, 64 << 10));
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("expected a JSON object");
    }
    return body;
  }

  /**
   * @throws ApiException 400 when the field is missing, blank or not text
   */
  static String text(JsonNode body, String field) {
    return optionalText(body, field)
        .orElseThrow(() -> ApiException.badRequest("expected a text field \"" + field + "\""));
  }

  /**
   * @throws ApiException 400 when the field is there but not text
   */
  static java.util.Optional<String> optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return java.util.Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.badRequest("expected a text field \"" + field + "\"");
    }
    return java.util.Optional.of(value.asText());
  }
}
