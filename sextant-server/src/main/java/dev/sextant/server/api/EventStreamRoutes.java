package dev.sextant.server.api;

import dev.sextant.core.access.Permission;
import dev.sextant.server.Services;
import dev.sextant.server.store.LoggedEvent;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/events/stream}: the outbox as Server-Sent Events. Each event is sent as an
 * event of type {@code event} whose id is its sequence number and whose data is its JSON (as {@code
 * GET /api/v1/events} lists it): first those after {@code ?after=N} (by default none of the past),
 * then each new one as it is committed. A comment every {@value #KEEP_ALIVE_SECONDS} s keeps the
 * connection open and finds out when the client has gone.
 */
final class EventStreamRoutes {
  static final String PATH = "/api/v1/events/stream";
  private static final long KEEP_ALIVE_SECONDS = 10;
  private static final int BATCH = 500;

  private final Services services;

  EventStreamRoutes(Services services) {
    this.services = services;
  }

  void register(RouteTable routes) {
    routes.sse(
        PATH,
        Access.somewhere(Permission.READ),
        ctx -> Optional.ofNullable(ctx.queryParam("after")).ifPresent(EventStreamRoutes::sequence),
        this::stream);
  }

  private void stream(SseClient client) {
    long cursor =
        Optional.ofNullable(client.ctx().queryParam("after"))
            .map(EventStreamRoutes::sequence)
            .orElseGet(services::lastEvent);
    try {
      while (!client.terminated()) {
        List<LoggedEvent> batch = services.eventsAfter(cursor, BATCH);
        for (LoggedEvent logged : batch) {
          client.sendEvent(
              "event", EventJson.item(logged).toString(), Long.toString(logged.sequence()));
          cursor = logged.sequence();
        }
        if (batch.isEmpty()
            && !services
                .database()
                .feed()
                .awaitAfter(cursor, Duration.ofSeconds(KEEP_ALIVE_SECONDS))) {
          client.sendComment("keep-alive");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long sequence(String text) {
    try {
      long sequence = Long.parseLong(text);
      if (sequence >= 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiException.badRequest(
        "after must be an event's sequence number (0 or more), found \""
            + ResourceRoutes.clean(text)
            + "\"");
  }
}
