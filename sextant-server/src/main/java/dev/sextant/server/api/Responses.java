package dev.sextant.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.api.ApiJson;
import io.javalin.http.Context;

/** Writes JSON bodies. */
final class Responses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  static void json(Context ctx, int status, JsonNode body) {
    write(ctx, status, "application/json", body);
  }

  /** An API record, written by the mapper the API's client reads it with. */
  static void record(Context ctx, int status, Object record) {
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(ApiJson.mapper().writeValueAsString(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an API record always serialises", e);
    }
  }

  static void problem(Context ctx, int status, JsonNode body) {
    write(ctx, status, ProblemJson.MEDIA_TYPE, body);
  }

  private static void write(Context ctx, int status, String contentType, JsonNode body) {
    try {
      ctx.status(status).contentType(contentType).result(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
