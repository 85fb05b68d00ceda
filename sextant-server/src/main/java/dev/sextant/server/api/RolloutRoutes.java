package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.access.Permission;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.deploy.Deployments;
import dev.sextant.server.deploy.RolloutWatchers;
import dev.sextant.server.store.RecordedRolloutEvent;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deploying and rollouts: {@code POST /api/v1/deployments} plans a release in an environment and
 * starts its rollout; {@code /api/v1/rollouts} lists and shows them, takes the operator's verbs,
 * and streams each change as Server-Sent Events; {@code POST
 * /api/v1/environments/{name}/services/{service}/undo} goes back to the revision before. Changes
 * take {@code deploy} in the rollout's environment.
 */
final class RolloutRoutes {
  static final List<String> VERBS = List.of("pause", "resume", "abort", "promote", "retry", "undo");
  private static final Pattern ID = Pattern.compile("ro-[0-9a-f]{1,60}");
  private static final Pattern INSTANCE = Pattern.compile("(stable|canary)-[0-9]{1,3}");
  private static final int MAX_LIST = 500;
  private static final int MAX_TAIL = 10_000;
  // A watcher sees the instances' states change without a move, so it looks again this often.
  private static final long LOOK_AGAIN_MILLIS = 1_000;
  private static final long KEEP_ALIVE_NANOS = 10_000_000_000L;

  private final Deployments deployments;
  private final RolloutWatchers watchers;

  RolloutRoutes(Deployments deployments, RolloutWatchers watchers) {
    this.deployments = deployments;
    this.watchers = watchers;
  }

  void register(RouteTable app) {
    Guard guard = app.guard();
    app.post(
        "/api/v1/deployments",
        RouteTable.JSON,
        Access.needs(Permission.DEPLOY, Access.Scope.REQUEST),
        ctx -> {
          JsonNode body = Bodies.object(ctx);
          String release = Params.resource(Bodies.text(body, "release"), "release");
          String environment = Params.environment(Bodies.text(body, "environment"));
          Optional<String> plan = Bodies.optionalText(body, "plan");
          guard.require(ctx, Permission.DEPLOY, environment);
          Responses.json(
              ctx,
              201,
              RolloutJson.of(deployments.deploy(Guard.principal(ctx), release, environment, plan)));
        });
    app.get(
        "/api/v1/rollouts",
        Access.somewhere(Permission.READ),
        ctx -> {
          int limit = Params.limit(ctx, 50, MAX_LIST);
          Optional<String> service =
              Optional.ofNullable(ctx.queryParam("service"))
                  .map(s -> Params.resource(s, "service"));
          Optional<String> environment =
              Optional.ofNullable(ctx.queryParam("environment")).map(Params::environment);
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ArrayNode items = body.putArray("items");
          deployments
              .list(service, environment, limit)
              .forEach(view -> items.add(RolloutJson.of(view)));
          Responses.json(ctx, 200, body);
        });
    app.get(
        "/api/v1/rollouts/{id}",
        Access.somewhere(Permission.READ),
        ctx -> Responses.json(ctx, 200, RolloutJson.of(deployments.view(id(ctx)))));
    for (String verb : VERBS) {
      app.post(
          "/api/v1/rollouts/{id}/" + verb,
          RouteTable.JSON,
          Access.needs(Permission.DEPLOY, Access.Scope.REQUEST),
          ctx -> {
            JsonNode body =
                ctx.contentLength() > 0
                    ? Bodies.object(ctx)
                    : JsonNodeFactory.instance.objectNode();
            Optional<String> reason = Bodies.optionalText(body, "reason");
            String id = id(ctx);
            guard.require(ctx, Permission.DEPLOY, deployments.environmentOf(id));
            Responses.json(
                ctx, 200, RolloutJson.of(deployments.act(Guard.principal(ctx), id, verb, reason)));
          });
    }
    app.post(
        "/api/v1/rollouts/{id}/approve",
        RouteTable.JSON,
        Access.needs(Permission.APPROVE, Access.Scope.REQUEST),
        ctx -> {
          if (ctx.contentLength() > 0) {
            Bodies.object(ctx);
          }
          String id = id(ctx);
          guard.require(ctx, Permission.APPROVE, deployments.environmentOf(id));
          Responses.json(ctx, 200, RolloutJson.of(deployments.approve(Guard.principal(ctx), id)));
        });
    app.get(
        "/api/v1/rollouts/{id}/history",
        Access.somewhere(Permission.READ),
        ctx -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ArrayNode items = body.putArray("items");
          String id = id(ctx);
          List<RecordedRolloutEvent> events = deployments.history(id);
          List<RolloutState> path = deployments.path(id);
          for (int i = 0; i < events.size() && i < path.size(); i++) {
            items.add(RolloutJson.history(events.get(i), path.get(i)));
          }
          Responses.json(ctx, 200, body);
        });
    app.get(
        "/api/v1/rollouts/{id}/logs",
        Access.somewhere(Permission.READ),
        ctx -> {
          Optional<String> instance =
              Optional.ofNullable(ctx.queryParam("instance")).map(RolloutRoutes::instance);
          int tail =
              (int)
                  Params.positive(
                      Optional.ofNullable(ctx.queryParam("tail")).orElse("200"),
                      "query parameter tail",
                      MAX_TAIL);
          String lines = deployments.logs(id(ctx), instance, tail);
          ctx.status(200).contentType("text/plain; charset=utf-8").result(lines);
        });
    app.sse(
        "/api/v1/rollouts/{id}/events",
        Access.somewhere(Permission.READ),
        ctx -> deployments.view(id(ctx)),
        this::stream);
    app.post(
        "/api/v1/environments/{name}/services/{service}/undo",
        RouteTable.JSON,
        Access.needs(Permission.DEPLOY, Access.Scope.PATH_ENVIRONMENT),
        ctx -> {
          JsonNode body =
              ctx.contentLength() > 0 ? Bodies.object(ctx) : JsonNodeFactory.instance.objectNode();
          String environment = Params.environment(ctx);
          String service = Params.resource(ctx.pathParam("service"), "service");
          JsonNode force = body.path("force");
          if (!force.isMissingNode() && !force.isBoolean()) {
            throw ApiException.badRequest("force: expected true or false");
          }
          Responses.json(
              ctx,
              201,
              RolloutJson.of(
                  deployments.undo(
                      Guard.principal(ctx), environment, service, force.asBoolean(false))));
        });
  }

  /**
   * Sends the rollout at once, then again whenever it moves or is measured (and every second, for
   * its instances); once it has ended and its last commands have been carried out (the canary
   * stopped after a rollback), a last {@code end} event and the stream closes.
   */
  private void stream(SseClient client) {
    String id = client.ctx().pathParam("id");
    String last = "";
    long quietSince = System.nanoTime();
    try {
      while (!client.terminated()) {
        ObjectNode now = RolloutJson.of(deployments.view(id));
        String text = now.toString();
        if (!text.equals(last)) {
          client.sendEvent("rollout", text);
          last = text;
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > KEEP_ALIVE_NANOS) {
          // Finds out when the client has gone while the rollout waits (a long pause).
          client.sendComment("keep-alive");
          quietSince = System.nanoTime();
        }
        if (now.path("terminal").asBoolean() && now.path("settled").asBoolean()) {
          client.sendEvent(
              "end",
              JsonNodeFactory.instance
                  .objectNode()
                  .put("phase", now.path("phase").asText())
                  .toString());
          client.close();
          return;
        }
        watchers.await(id, LOOK_AGAIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String id(Context ctx) {
    String id = ctx.pathParam("id");
    if (!ID.matcher(id).matches()) {
      throw ApiException.badRequest(
          "expected a rollout id such as ro-1a2b3c4d5e, found \""
              + ResourceRoutes.clean(id)
              + "\"");
    }
    return id;
  }

  private static String instance(String text) {
    if (!INSTANCE.matcher(text).matches()) {
      throw ApiException.badRequest(
          "instance: expected stable-N or canary-N, found \"" + ResourceRoutes.clean(text) + "\"");
    }
    return text;
  }
}
