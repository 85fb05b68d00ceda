package dev.sextant.server.api;

import dev.sextant.api.DeliveryReport;
import dev.sextant.api.ServiceDelivery;
import dev.sextant.core.access.Permission;
import dev.sextant.core.delivery.DeliveryFigures;
import dev.sextant.core.delivery.DeliveryWindow;
import dev.sextant.server.deploy.DeliveryReports;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * Reports over the store: {@code GET /api/v1/reports/delivery} gives DORA's delivery figures per
 * service and environment. Reading them takes read, as reading the rollouts they come from does.
 */
final class ReportRoutes {
  private final DeliveryReports delivery;

  ReportRoutes(DeliveryReports delivery) {
    this.delivery = delivery;
  }

  void register(RouteTable app) {
    app.get(
        "/api/v1/reports/delivery",
        Access.somewhere(Permission.READ),
        ctx -> {
          Optional<String> environment =
              Optional.ofNullable(ctx.queryParam("environment")).map(Params::environment);
          Optional<String> service =
              Optional.ofNullable(ctx.queryParam("service"))
                  .map(s -> Params.resource(s, "service"));
          DeliveryWindow window = delivery.last(length(ctx));
          Responses.record(
              ctx,
              200,
              new DeliveryReport(
                  window.since().toString(),
                  window.until().toString(),
                  delivery.figures(environment, service, window).stream()
                      .map(ReportRoutes::view)
                      .toList()));
        });
  }

  private static Duration length(Context ctx) {
    String text = ctx.queryParam("window");
    if (text == null) {
      return DeliveryWindow.DEFAULT_LENGTH;
    }
    try {
      return DeliveryWindow.length(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(
          "query parameter window must be a length of time such as 30d, 7d or 12h, above 0 and"
              + " at most "
              + DeliveryWindow.MAX_LENGTH.toDays()
              + "d, found \""
              + ResourceRoutes.clean(text)
              + "\"");
    }
  }

  private static ServiceDelivery view(DeliveryFigures f) {
    return new ServiceDelivery(
        f.environment(),
        f.service(),
        f.deployments(),
        f.deploymentsPerDay(),
        f.leadTimeMedian().map(ReportRoutes::seconds),
        f.leadTimeP90().map(ReportRoutes::seconds),
        f.finished(),
        f.failures(),
        f.changeFailureRate().isPresent()
            ? Optional.of(f.changeFailureRate().getAsDouble())
            : Optional.empty(),
        f.restorations(),
        f.timeToRestoreMedian().map(ReportRoutes::seconds));
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1_000.0;
  }
}
