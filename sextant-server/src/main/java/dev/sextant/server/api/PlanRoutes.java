package dev.sextant.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.access.Permission;
import dev.sextant.core.approval.ApprovalStatus;
import dev.sextant.core.approval.RuleStatus;
import dev.sextant.core.digest.Digest;
import dev.sextant.server.plan.PlanService;
import dev.sextant.server.plan.PlanView;
import dev.sextant.server.store.StoredApproval;
import dev.sextant.server.store.StoredPlan;
import io.javalin.http.Context;

/**
 * Plans submitted for deployment, and their approvals: {@code POST /api/v1/plans} takes {@code
 * deploy} in the environment, {@code POST /api/v1/plans/{id}/approvals} takes {@code approve}
 * there, and then the four-eyes rules.
 */
final class PlanRoutes {
  private static final int MAX_LIST = 500;

  private final PlanService plans;

  PlanRoutes(PlanService plans) {
    this.plans = plans;
  }

  void register(RouteTable app) {
    Guard guard = app.guard();
    app.post(
        "/api/v1/plans",
        RouteTable.JSON,
        Access.needs(Permission.DEPLOY, Access.Scope.REQUEST),
        ctx -> {
          JsonNode body = Bodies.object(ctx);
          String release = Params.resource(Bodies.text(body, "release"), "release");
          String environment = Params.environment(Bodies.text(body, "environment"));
          guard.require(ctx, Permission.DEPLOY, environment);
          Responses.json(
              ctx, 201, json(plans.submit(Guard.principal(ctx), release, environment), true));
        });
    app.get(
        "/api/v1/plans",
        Access.somewhere(Permission.READ),
        ctx -> {
          int limit = Params.limit(ctx, 50, MAX_LIST);
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ArrayNode items = body.putArray("items");
          plans.plans(limit).forEach(view -> items.add(json(view, false)));
          Responses.json(ctx, 200, body);
        });
    app.get(
        "/api/v1/plans/{id}",
        Access.somewhere(Permission.READ),
        ctx -> Responses.json(ctx, 200, json(plans.plan(id(ctx)), true)));
    app.post(
        "/api/v1/plans/{id}/approvals",
        RouteTable.JSON,
        Access.needs(Permission.APPROVE, Access.Scope.REQUEST),
        ctx -> {
          long id = id(ctx);
          JsonNode body = Bodies.object(ctx);
          Digest digest;
          try {
            digest = new Digest(Bodies.text(body, "digest"));
          } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                "digest: expected the plan's sha256:<64 hex> as 'sextant plan show' prints it");
          }
          guard.require(ctx, Permission.APPROVE, plans.plan(id).plan().environment());
          Responses.json(ctx, 200, json(plans.approve(Guard.principal(ctx), id, digest), false));
        });
  }

  /** {@code plan-7} or {@code 7}. */
  private static long id(Context ctx) {
    String text = ctx.pathParam("id");
    String number = text.startsWith(StoredPlan.PREFIX) ? text.substring(5) : text;
    return Params.positive(number, "a plan id (plan-N)", Long.MAX_VALUE);
  }

  static ObjectNode json(PlanView view, boolean whole) {
    StoredPlan plan = view.plan();
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("name", plan.name())
            .put("release", plan.release())
            .put("releaseRevision", plan.releaseRevision())
            .put("environment", plan.environment())
            .put("digest", plan.digest().value())
            .put("verdict", plan.verdict())
            .put("state", view.state().label())
            .put("requestedBy", plan.requestedBy())
            .put("requested", plan.requested().toString());
    ArrayNode needed = out.putArray("approvalsNeeded");
    for (RuleStatus rule : view.status().rules()) {
      ObjectNode node =
          needed
              .addObject()
              .put("policy", rule.rule().policy())
              .put("approvals", rule.rule().approvals())
              .put("missing", rule.missing());
      rule.rule().approvers().forEach(node.putArray("approvers")::add);
      rule.counted().forEach(node.putArray("counted")::add);
    }
    ArrayNode approvals = out.putArray("approvals");
    for (StoredApproval approval : view.approvals()) {
      ObjectNode node =
          approvals
              .addObject()
              .put("approver", approval.approver())
              .put("digest", approval.digest().value())
              .put("approved", approval.approved().toString())
              .put("expires", approval.expires().toString());
      view.status().uncounted().stream()
          .filter(u -> u.approval().approver().equals(approval.approver()))
          .filter(u -> u.approval().plan().equals(approval.digest()))
          .findFirst()
          .map(ApprovalStatus.Uncounted::message)
          .ifPresentOrElse(
              why -> node.put("counts", false).put("why", why), () -> node.put("counts", true));
    }
    if (whole) {
      out.set("plan", plan.document());
    }
    return out;
  }
}
