package dev.sextant.server.api;

import dev.sextant.api.ProblemKind;
import dev.sextant.core.document.Limits;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.server.Failure;
import dev.sextant.server.Services;
import dev.sextant.server.access.AccessRefusal;
import dev.sextant.server.discovery.Refusal;
import dev.sextant.server.ledger.EvidenceRefusal;
import dev.sextant.server.ledger.LedgerUnavailableException;
import dev.sextant.server.plan.PlanReplay;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: routes under {@code /api/v1}, health probes, and the one table that maps
 * failures to RFC 9457 problem responses. Every route that is not declared answers 404 as
 * problem+json.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** Jetty's default is 8 KiB; a long token or author fits, a flood of headers does not. */
  static final int MAX_HEADER_BYTES = 16 << 10;

  private final Javalin app;
  private final RouteTable routes;

  private ApiServer(Javalin app, RouteTable routes) {
    this.app = app;
    this.routes = routes;
  }

  /** Starts on the given address; port 0 picks a free one (see {@link #port()}). */
  public static ApiServer start(Services services, String host, int port) {
    long maxRequest = 8L * Limits.DEFAULT.maxBytes();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = maxRequest;
              config.http.prefer405over404 = true;
              JettyProblems jettyErrors = new JettyProblems(MAX_HEADER_BYTES);
              config.jetty.modifyHttpConfiguration(
                  http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
              config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
              config.jetty.modifyServletContextHandler(
                  context -> context.setErrorHandler(jettyErrors));
            });
    RouteTable routes = new RouteTable(app, new Guard(services.access(), services.resources()));
    new HealthRoutes(services.resources(), services.metrics()).register(routes);
    new MetaRoutes().register(routes);
    // Before the resource routes, whose /api/v1/{kind} would otherwise take /api/v1/events.
    new EventStreamRoutes(services).register(routes);
    new DiscoveryRoutes(services).register(routes);
    new AccessRoutes(services.access()).register(routes);
    new PlanRoutes(services.plans()).register(routes);
    new RolloutRoutes(services.deploying().deployments(), services.deploying().watchers())
        .register(routes);
    new ReplayRoutes(new PlanReplay(services.database(), services.plans())).register(routes);
    new NotificationRoutes(services.notifications()).register(routes);
    new ReportRoutes(services.delivery()).register(routes);
    new LedgerRoutes(services.ledger()).register(routes);
    new KeyRoutes(services.trust()).register(routes);
    new ResourceRoutes(services.resources(), maxRequest, routes).register();
    errors(app, routes);
    app.start(host, port);
    return new ApiServer(app, routes);
  }

  /** The one table that maps failures to a status and a problem type. */
  private static void errors(Javalin app, RouteTable routes) {
    app.exception(
        InvalidInputException.class,
        (e, ctx) -> Responses.problem(ctx, 422, ProblemJson.invalid(e.problems(), ctx.path())));
    app.exception(ApiException.class, (e, ctx) -> failure(e, e, ctx));
    app.exception(Refusal.class, (e, ctx) -> failure(e, e, ctx));
    app.exception(StoreException.class, (e, ctx) -> failure(e, e, ctx));
    app.exception(AccessRefusal.class, (e, ctx) -> failure(e, e, ctx));
    app.exception(RolloutRefusal.class, (e, ctx) -> failure(e, e, ctx));
    app.exception(EvidenceRefusal.class, (e, ctx) -> failure(e, e, ctx));
    app.exception(
        LedgerUnavailableException.class,
        (e, ctx) -> {
          ProblemTypes.Answer unavailable = ProblemTypes.of(ProblemKind.UNAVAILABLE);
          Responses.problem(
              ctx,
              unavailable.status(),
              ProblemJson.of(
                  unavailable.status(),
                  unavailable.type(),
                  unavailable.title(),
                  e.getMessage(),
                  ctx.path()));
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            Responses.problem(
                ctx,
                e.getStatus(),
                ProblemJson.of(
                    e.getStatus(),
                    "http-" + e.getStatus(),
                    e.getMessage(),
                    e.getMessage(),
                    ctx.path())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
          ProblemTypes.Answer internal = ProblemTypes.of(ProblemKind.INTERNAL);
          Responses.problem(
              ctx,
              internal.status(),
              ProblemJson.of(
                  internal.status(),
                  internal.type(),
                  internal.title(),
                  "an internal error occurred; it has been logged",
                  ctx.path()));
        });
    app.error(
        404,
        ctx -> {
          if (!ProblemJson.MEDIA_TYPE.equals(ctx.res().getContentType())) {
            Responses.problem(
                ctx,
                404,
                ProblemJson.of(
                    404,
                    "not-found",
                    "Not found",
                    "no route for " + ctx.method() + " " + ResourceRoutes.clean(ctx.path()),
                    ctx.path()));
          }
        });
    app.error(
        405,
        ctx -> {
          // Javalin's own 405 says only "Method not allowed": name the methods, in Allow and in
          // words.
          // An ApiException.methodNotAllowed has done both already.
          if (ctx.res().getHeader("Allow") == null) {
            var allowed = routes.allowed(ctx.path(), false);
            ctx.header("Allow", String.join(", ", allowed));
            Responses.problem(
                ctx,
                405,
                ProblemJson.of(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    ctx.method()
                        + " is not allowed on "
                        + ResourceRoutes.clean(ctx.path())
                        + "; it takes "
                        + String.join(", ", allowed),
                    ctx.path()));
          }
        });
  }

  /**
   * The one handler of the server's failures (a {@link StoreException}, a {@link Refusal}, an
   * {@link ApiException}): its kind, through {@link ProblemTypes}, decides the answer.
   */
  private static void failure(Failure failure, Exception e, Context ctx) {
    if (failure.kind() == ProblemKind.UNAVAILABLE) {
      LOG.warn("store unavailable: {}", e.getMessage());
    }
    if (e instanceof ApiException api && !api.allow().isEmpty()) {
      ctx.header("Allow", String.join(", ", api.allow()));
    }
    ProblemTypes.Answer answer = ProblemTypes.of(failure);
    Responses.problem(
        ctx,
        answer.status(),
        ProblemJson.of(
            answer.status(),
            answer.type(),
            answer.title(),
            ProblemTypes.detail(failure, e.getMessage()),
            ctx.path()));
  }

  /** The routes served, in the order they were registered. */
  java.util.List<RouteTable.Route> routes() {
    return routes.routes();
  }

  /** The Server-Sent Events streams served, apart from {@link #routes()} since they do not end. */
  java.util.List<RouteTable.Route> streams() {
    return routes.streams();
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
