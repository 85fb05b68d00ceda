package dev.sextant.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.DriftAction;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.server.access.Principal;
import dev.sextant.server.plan.PlanService;
import dev.sextant.server.plan.PlanView;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.StoredDeployment;
import dev.sextant.server.store.StoredRollout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an environment's drift action does about drift just found, for the services deployed there:
 * {@code rollback} undoes, {@code remediate} rolls out what fits the new fingerprint.
 */
public final class DriftResponse {
  /** Who acts on drift: the server itself, as the environment's drift action asks. */
  private static final Principal DRIFT = Principal.local("drift-response");

  private final Deployments deployments;
  private final PlanService plans;
  private final ResourceService resources;

  public DriftResponse(Deployments deployments, PlanService plans, ResourceService resources) {
    this.deployments = deployments;
    this.plans = plans;
    this.resources = resources;
  }

  /**
   * Acts on drift just found in an environment, as its drift action says, for every service whose
   * last rollout there completed: {@code rollback} undoes it to the revision before; {@code
   * remediate} plans its release again on the new fingerprint and rolls out the variant that fits
   * now, or undoes it when none does. Other actions do nothing here.
   *
   * @return what was done, a line per service
   */
  public List<String> respond(String environment) {
    DriftAction action =
        resources
            .latest(new ResourceKey(Kind.ENVIRONMENT, environment))
            .map(r -> ((EnvironmentSpec) Specs.read(Kind.ENVIRONMENT, r.document().path("spec"))))
            .map(EnvironmentSpec::drift)
            .orElse(DriftAction.ALERT);
    if (action != DriftAction.ROLLBACK && action != DriftAction.REMEDIATE) {
      return List.of();
    }
    List<String> done = new ArrayList<>();
    for (StoredRollout serving : completed(environment)) {
      String service = serving.service();
      try {
        done.add(
            service
                + ": "
                + (action == DriftAction.ROLLBACK
                    ? "undone by "
                        + deployments.undo(DRIFT, environment, service, false).rollout().id()
                    : remediate(environment, serving)));
      } catch (RuntimeException e) {
        done.add(service + ": nothing done: " + e.getMessage());
      }
    }
    return done;
  }

  /** Plans the serving release again and rolls out what fits now, or undoes it. */
  private String remediate(String environment, StoredRollout serving) {
    StoredDeployment deployment =
        deployments
            .deploymentOf(serving.id())
            .orElseThrow(() -> new IllegalStateException("no deployment of " + serving.id()));
    PlanView plan = plans.submit(DRIFT, deployment.release(), environment);
    JsonNode target0 = plan.plan().document().path("releases").path(0).path("targets").path(0);
    switch (plan.state()) {
      case REFUSED -> {
        return "no variant fits ("
            + target0.path("reason").asText()
            + "): undone by "
            + deployments.undo(DRIFT, environment, serving.service(), false).rollout().id();
      }
      case AWAITING_APPROVAL -> {
        return plan.plan().name() + " awaits approval";
      }
      case APPROVED -> {
        String fits =
            new RevisionRef(
                    deployment.release(),
                    plan.plan().releaseRevision(),
                    target0.path("variant").asText())
                .text();
        if (fits.equals(serving.canaryRevision())) {
          return fits + " still fits";
        }
        return "variant "
            + target0.path("variant").asText()
            + " fits now: rolled out by "
            + deployments.rollOut(DRIFT, plan, deployment.release(), environment).rollout().id();
      }
    }
    throw new IllegalStateException("a plan in no known state");
  }

  /** The last rollout of each service in the environment, where it completed. */
  private List<StoredRollout> completed(String environment) {
    Map<String, StoredRollout> last = new LinkedHashMap<>();
    deployments.rolloutsIn(environment).forEach(r -> last.putIfAbsent(r.service(), r));
    return last.values().stream().filter(r -> r.phase().equals("succeeded")).toList();
  }
}
