package dev.sextant.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.validation.Problem;
import java.util.List;

/**
 * RFC 9457 problem details. Validation failures carry a {@code problems} extension with the same
 * source, line, column, field and message that the CLI prints.
 */
public final class ProblemJson {
  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://sextant.dev/problems/";

  private ProblemJson() {}

  public static ObjectNode of(
      int status, String type, String title, String detail, String instance) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", TYPE_BASE + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    // Jetty refuses some requests before their path can be read; those have no instance.
    if (instance != null) {
      body.put("instance", instance);
    }
    return body;
  }

  public static ObjectNode invalid(List<Problem> problems, String instance) {
    long sources = problems.stream().map(Problem::source).distinct().count();
    ObjectNode body =
        of(
            422,
            "invalid-input",
            "Invalid input",
            problems.size()
                + " problem"
                + (problems.size() == 1 ? "" : "s")
                + " in "
                + sources
                + " input"
                + (sources == 1 ? "" : "s")
                + "; nothing was changed",
            instance);
    var list = body.putArray("problems");
    for (Problem p : problems) {
      ObjectNode item = list.addObject();
      item.put("source", p.source());
      item.put("line", p.position().line());
      item.put("column", p.position().column());
      item.put("field", p.field());
      item.put("message", p.message());
      item.put("text", p.format());
    }
    return body;
  }
}
