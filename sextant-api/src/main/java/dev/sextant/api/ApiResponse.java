package dev.sextant.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An answer as it came, of any status (see {@link ApiClient#exchange}).
 *
 * @param headers the answer's headers, their names in any case
 * @param body the body as UTF-8 text; empty when there was none
 */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  public ApiResponse {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body == null ? "" : body;
  }

  /** The first value of the header of that name, in any case; empty when there is none. */
  public Optional<String> header(String name) {
    return headers.getOrDefault(name, List.of()).stream().findFirst();
  }

  /**
   * The body as JSON (a problem+json too).
   *
   * @throws IllegalStateException when the body is not JSON; the message holds the status and the
   *     start of the body
   */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(
          "not JSON (HTTP "
              + status
              + "): "
              + (body.length() > 200 ? body.substring(0, 200) : body),
          e);
    }
  }

  @Override
  public String toString() {
    return status + " " + headers + " " + body;
  }
}
