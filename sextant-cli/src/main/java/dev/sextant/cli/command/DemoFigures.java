package dev.sextant.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.cli.backend.RemoteBackend;
import java.util.Locale;

/** DORA's figures of the demo's service, as {@code sextant report delivery} shows them. */
final class DemoFigures {
  private DemoFigures() {}

  /** One line: deployments, change failure rate and lead time of the service in the environment. */
  static String delivery(RemoteBackend api, String environment, String service) {
    JsonNode items =
        ApiCalls.get(
                api,
                "api/v1/reports/delivery?environment=" + environment + "&service=" + service,
                "the delivery report")
            .path("items");
    if (items.isEmpty()) {
      return "DORA: no rollout of " + service + " finished in " + environment;
    }
    JsonNode figures = items.get(0);
    return String.format(
        Locale.ROOT,
        "DORA (%s, %s, last 30 days): %d deployments, change failure rate %s, lead time p50 %s"
            + " ('sextant report delivery')",
        environment,
        service,
        figures.path("deployments").asInt(),
        figures.has("changeFailureRate")
            ? Math.round(figures.path("changeFailureRate").asDouble() * 100) + "%"
            : "-",
        figures.has("leadTimeMedianSeconds")
            ? String.format(Locale.ROOT, "%.1f s", figures.path("leadTimeMedianSeconds").asDouble())
            : "-");
  }
}
