package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiProblem;
import dev.sextant.cli.CliException;
import dev.sextant.cli.backend.ApiProblems;
import dev.sextant.cli.backend.Backend;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calls of the commands that only a server answers (tokens, roles, plans kept for approval), each
 * failure as the exit code of its kind.
 */
final class ApiCalls {
  private ApiCalls() {}

  /**
   * @throws CliException not found (exit 4) naming {@code what} when the server has no such thing
   */
  static JsonNode get(Backend backend, String path, String what) {
    return call(() -> backend.api().get(path))
        .orElseThrow(() -> CliException.notFound(what + " not found"));
  }

  static JsonNode post(Backend backend, String path, JsonNode body) {
    return call(() -> backend.api().post(path, body));
  }

  /** A post without a body, for a change the path says whole (a revocation). */
  static JsonNode post(Backend backend, String path) {
    return call(
        () ->
            backend
                .api()
                .post(path, "application/json", "".getBytes(StandardCharsets.UTF_8), Map.of()));
  }

  /** Plain text, such as an instance's log. */
  static String text(Backend backend, String path) {
    return call(() -> backend.api().text(path));
  }

  /** A list's path, with {@code ?identity=NAME} when one is given. */
  static String forIdentity(String path, String identity) {
    return identity == null
        ? path
        : path + "?identity=" + java.net.URLEncoder.encode(identity, StandardCharsets.UTF_8);
  }

  /**
   * The path with a query of the parameters that have a value: {@code names} and values alternate,
   * and a parameter whose value is null is left out.
   */
  static String query(String path, Object... namesAndValues) {
    StringBuilder query = new StringBuilder(path);
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        query
            .append(query.length() == path.length() ? '?' : '&')
            .append(namesAndValues[i])
            .append('=')
            .append(
                java.net.URLEncoder.encode(
                    String.valueOf(namesAndValues[i + 1]), StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiProblem problem) {
      throw ApiProblems.asCliFailure(problem);
    }
  }
}
