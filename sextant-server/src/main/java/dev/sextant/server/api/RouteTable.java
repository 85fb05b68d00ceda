package dev.sextant.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Every route the API serves, registered here and nowhere else, with the media types its body may
 * have and what it asks of its caller. The table checks the caller ({@link Guard}: 401, 403) and
 * refuses a body of another media type (415) before the handler runs, answers which methods a path
 * allows (the {@code Allow} header of a 405), and lets tests walk every route. A route cannot be
 * registered without its {@link Access}: deny by default.
 */
final class RouteTable {
  /**
   * One route.
   *
   * @param path Javalin's path template, e.g. {@code /api/v1/agents/{name}/fingerprints}
   * @param consumes the media types its body may have; empty when it takes no body
   * @param access what it asks of its caller, checked before its handler runs
   */
  record Route(HandlerType method, String path, Set<String> consumes, Access access) {
    boolean matches(String requestPath) {
      String[] template = path.split("/", -1);
      String[] actual = requestPath.split("/", -1);
      if (template.length != actual.length) {
        return false;
      }
      for (int i = 0; i < template.length; i++) {
        boolean parameter = template[i].startsWith("{");
        if (parameter ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
          return false;
        }
      }
      return true;
    }

    boolean hasParameters() {
      return path.contains("{");
    }
  }

  static final Set<String> NO_BODY = Set.of();
  static final Set<String> JSON = Set.of("application/json");
  static final Set<String> YAML_OR_JSON =
      Set.of("application/yaml", "application/x-yaml", "text/yaml", "application/json");

  private final Javalin app;
  private final Guard guard;
  private final List<Route> routes = new ArrayList<>();
  private final List<Route> streams = new ArrayList<>();

  RouteTable(Javalin app, Guard guard) {
    this.app = app;
    this.guard = guard;
  }

  Guard guard() {
    return guard;
  }

  void get(String path, Access access, Handler handler) {
    add(HandlerType.GET, path, NO_BODY, access, handler);
  }

  void post(String path, Set<String> consumes, Access access, Handler handler) {
    add(HandlerType.POST, path, consumes, access, handler);
  }

  /**
   * A Server-Sent Events stream at {@code path}. {@code check} runs first, while a refusal can
   * still be a problem response; once the stream's headers are out, it cannot. Streams are kept
   * apart from {@link #routes()}, whose answers end.
   */
  void sse(String path, Access access, Handler check, Consumer<SseClient> stream) {
    Route route = new Route(HandlerType.GET, path, NO_BODY, access);
    streams.add(route);
    app.before(
        path,
        ctx -> {
          guard.check(ctx, route);
          check.handle(ctx);
        });
    app.sse(path, stream);
  }

  private void add(
      HandlerType method, String path, Set<String> consumes, Access access, Handler handler) {
    Route route = new Route(method, path, consumes, access);
    routes.add(route);
    app.addHttpHandler(
        method,
        path,
        ctx -> {
          guard.check(ctx, route);
          if (method != HandlerType.GET) {
            requireMediaType(ctx, route);
          }
          handler.handle(ctx);
        });
  }

  List<Route> routes() {
    return Collections.unmodifiableList(routes);
  }

  /** The Server-Sent Events streams, each a {@code GET}, in the order they were registered. */
  List<Route> streams() {
    return Collections.unmodifiableList(streams);
  }

  /**
   * The methods some route serves on this path, leaving out routes whose template has parameters
   * when {@code literalOnly} (so that {@code GET /api/v1/{kind}} does not claim {@code
   * /api/v1/apply}).
   */
  Set<String> allowed(String requestPath, boolean literalOnly) {
    Set<String> methods = new TreeSet<>();
    for (Route route : concat(routes, streams)) {
      if (route.matches(requestPath) && !(literalOnly && route.hasParameters())) {
        methods.add(route.method().name());
      }
    }
    return methods;
  }

  private static List<Route> concat(List<Route> first, List<Route> second) {
    List<Route> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** The declared media type of the body without its parameters, lower case; empty when none. */
  static Optional<String> mediaType(Context ctx) {
    return Optional.ofNullable(ctx.header("Content-Type"))
        .map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
        .filter(type -> !type.isEmpty());
  }

  /**
   * A body without a declared media type is taken as the route's own, since plain clients often
   * send none; a declared type must be one the route takes.
   */
  private static void requireMediaType(Context ctx, Route route) {
    Optional<String> type = mediaType(ctx);
    if (type.isEmpty()) {
      return;
    }
    if (route.consumes().isEmpty()) {
      if (ctx.contentLength() > 0) {
        throw ApiException.unsupportedMediaType(
            route.method()
                + " "
                + route.path()
                + " takes no body; found "
                + ResourceRoutes.clean(type.get()));
      }
      return;
    }
    if (!route.consumes().contains(type.get())) {
      throw ApiException.unsupportedMediaType(
          "the body of "
              + route.method()
              + " "
              + route.path()
              + " must be one of "
              + String.join(", ", new TreeSet<>(route.consumes()))
              + "; found "
              + ResourceRoutes.clean(type.get()));
    }
  }
}
