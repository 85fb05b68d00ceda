package dev.sextant.server.api;

import dev.sextant.api.NotificationDeliveries;
import dev.sextant.api.NotificationDelivery;
import dev.sextant.core.access.Permission;
import dev.sextant.server.notify.Notifications;
import dev.sextant.server.store.StoredDelivery;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Notifications of rollout transitions: {@code GET /api/v1/notifications/dead-letters} lists those
 * whose attempts are spent, {@code POST .../dead-letters/{id}/replay} sends one again (administer,
 * everywhere: a notifier hears of every environment), and {@code GET
 * /api/v1/notifications/deliveries?rollout=} lists a rollout's. None shows a notifier's URL.
 */
final class NotificationRoutes {
  private static final Pattern ROLLOUT = Pattern.compile("ro-[0-9a-f]{1,60}");
  private static final int MAX_LIST = 500;
  private static final long MAX_ID = Long.MAX_VALUE / 2;

  private final Notifications notifications;

  NotificationRoutes(Notifications notifications) {
    this.notifications = notifications;
  }

  void register(RouteTable app) {
    app.get(
        "/api/v1/notifications/dead-letters",
        Access.somewhere(Permission.READ),
        ctx ->
            Responses.record(
                ctx, 200, list(notifications.deadLetters(Params.limit(ctx, 50, MAX_LIST)))));
    app.post(
        "/api/v1/notifications/dead-letters/{id}/replay",
        RouteTable.JSON,
        Access.needs(Permission.ADMINISTER, Access.Scope.EVERYWHERE),
        ctx -> {
          if (ctx.contentLength() > 0) {
            Bodies.object(ctx);
          }
          long id = Params.positive(ctx.pathParam("id"), "delivery id", MAX_ID);
          Optional<StoredDelivery> replayed = notifications.replay(Guard.principal(ctx).name(), id);
          Responses.record(
              ctx,
              200,
              of(
                  replayed.orElseThrow(
                      () -> ApiException.notFound("there is no notification " + id))));
        });
    app.get(
        "/api/v1/notifications/deliveries",
        Access.somewhere(Permission.READ),
        ctx -> Responses.record(ctx, 200, list(notifications.ofRollout(rollout(ctx), MAX_LIST))));
  }

  private static String rollout(Context ctx) {
    String rollout = ctx.queryParam("rollout");
    if (rollout == null || !ROLLOUT.matcher(rollout).matches()) {
      throw ApiException.invalidParameter(
          "query parameter rollout must be a rollout id such as ro-1a2b3c4d5e, found "
              + (rollout == null ? "none" : "\"" + ResourceRoutes.clean(rollout) + "\""));
    }
    return rollout;
  }

  private static NotificationDeliveries list(List<StoredDelivery> deliveries) {
    return new NotificationDeliveries(deliveries.stream().map(NotificationRoutes::of).toList());
  }

  static NotificationDelivery of(StoredDelivery delivery) {
    return new NotificationDelivery(
        delivery.id(),
        delivery.deliveryKey(),
        delivery.notifier(),
        delivery.eventSequence(),
        delivery.rollout(),
        delivery.body().path("phase").asText(),
        delivery.state(),
        delivery.attempts(),
        delivery.lastStatus(),
        delivery.lastError(),
        delivery.created().toString(),
        delivery.updated().toString());
  }
}
