package dev.sextant.core.policy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.sextant.core.compat.cel.CelFacts;
import dev.sextant.core.compat.cel.PolicyCel;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.policy.PolicyOutcome.Status;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.PolicySpec;
import dev.sextant.core.resource.spec.PolicySpec.Effect;
import dev.sextant.core.resource.spec.Specs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Policies a plan is made under, compiled once and evaluated for every release in every
 * environment. A Policy applies where its selector matches the Environment's labels (an empty
 * selector matches every environment) and wherever an Environment names it in {@code policies:}. An
 * Environment that names a Policy the plan was not given is denied: a rule that cannot be checked
 * never passes.
 *
 * <p>Thread-safe: compiled programs are immutable and each evaluation has its own variables.
 */
public final class Policies {
  /**
   * How many expression steps one rule or message may take. A rule reads a few fields of a release;
   * this leaves room for comprehensions over its variants and facts, not for a rule that would make
   * every plan of a fleet slow.
   */
  static final int MAX_STEPS = 100_000;

  /** No policies: plans as they were before policies, for callers that have none. */
  public static final Policies NONE = new Policies(new TreeMap<>());

  private final Map<String, Compiled> byName;

  private Policies(Map<String, Compiled> byName) {
    this.byName = byName;
  }

  /**
   * Compiles every Policy; resources of other kinds are ignored.
   *
   * @throws IllegalArgumentException when a Policy's CEL does not compile, which a validated Policy
   *     never does
   */
  public static Policies of(List<Resource> resources) {
    Map<String, Compiled> byName = new TreeMap<>();
    for (Resource resource : resources) {
      if (resource.kind() != Kind.POLICY) {
        continue;
      }
      PolicySpec spec = (PolicySpec) Specs.read(resource);
      byName.put(
          resource.name(),
          new Compiled(
              resource,
              resource.name(),
              spec,
              PolicyCel.program(spec.rule()),
              spec.messageExpression().map(PolicyCel::program)));
    }
    return new Policies(byName);
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /**
   * What every Policy that applies says of a release in an environment, by Policy name.
   *
   * @param release the Release
   * @param environment the stored Environment, or empty for a target that is only a fingerprint (a
   *     file, this host): then {@code environment} has its name and no labels or facts
   * @param named the Policies the Environment names in {@code policies:}
   * @param target the environment's name
   * @param facts the facts the plan used
   * @param variant the chosen variant, or empty when none fits
   */
  List<PolicyOutcome> evaluate(
      Resource release,
      Optional<Resource> environment,
      List<String> named,
      String target,
      Fingerprint facts,
      String variant,
      PolicyRequest request,
      TrustedKeys trusted) {
    Map<String, String> labels = environment.map(e -> e.metadata().labels()).orElse(Map.of());
    Map<String, Object> variables = null;
    List<PolicyOutcome> out = new ArrayList<>();
    for (Compiled policy : byName.values()) {
      if (!named.contains(policy.name) && !policy.spec.selector().matches(labels)) {
        continue;
      }
      if (variables == null) {
        variables = variables(release, environment, target, facts, variant, request, trusted);
      }
      out.add(policy.evaluate(variables));
    }
    for (String name : named) {
      if (!byName.containsKey(name)) {
        out.add(
            new PolicyOutcome(
                name,
                Effect.DENY,
                Status.FAILED,
                "environment "
                    + target
                    + " names policy "
                    + name
                    + ", which this plan was not given (apply it, or give it with -f)",
                List.of(),
                0));
      }
    }
    return out;
  }

  private Map<String, Object> variables(
      Resource release,
      Optional<Resource> environment,
      String target,
      Fingerprint facts,
      String variant,
      PolicyRequest request,
      TrustedKeys trusted) {
    Map<String, Object> variables = new HashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> releaseValue = (Map<String, Object>) CelValues.of(release.document());
    releaseValue.put(ReleaseProvenance.MEMBER, ReleaseProvenance.of(release, variant, trusted));
    variables.put(PolicyCel.RELEASE, releaseValue);
    Map<String, Resource> policies = new TreeMap<>();
    byName.forEach((name, compiled) -> policies.put(name, compiled.resource));
    variables.put(
        PolicyCel.SIGNATURES,
        Signatures.of(release, environment, target, policies, facts, trusted));
    variables.put(
        PolicyCel.ENVIRONMENT,
        CelValues.of(environment.map(Resource::document).orElseGet(() -> bare(target))));
    Map<String, Object> factValues = CelFacts.values(facts);
    variables.put(CelFacts.FACTS, factValues);
    variables.put(PolicyCel.FINGERPRINT, factValues);
    variables.put(PolicyCel.VARIANT, variant);
    variables.put(
        PolicyCel.REQUEST,
        Map.of(
            "user", request.user(),
            "action", request.action(),
            "time", CelValues.timestamp(request.time())));
    variables.put(PolicyCel.NOW, CelValues.timestamp(request.time()));
    return variables;
  }

  /** An environment known only by its facts: a name, no labels, no declared facts. */
  private static ObjectNode bare(String name) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode metadata = out.putObject("metadata");
    metadata.put("name", name);
    metadata.putObject("labels");
    out.putObject("spec").putObject("facts");
    return out;
  }

  private record Compiled(
      Resource resource,
      String name,
      PolicySpec spec,
      CelRuntime.Program rule,
      Optional<CelRuntime.Program> messageExpression) {

    PolicyOutcome evaluate(Map<String, Object> variables) {
      Object result;
      try {
        result = run(rule, variables);
      } catch (CelEvaluationException | TooCostly e) {
        return outcome(Status.FAILED, "rule failed, so the deployment is denied: " + why(e));
      }
      if (!(result instanceof Boolean holds)) {
        return outcome(
            Status.FAILED,
            "rule gave " + result + ", not true or false, so the deployment is denied");
      }
      return holds ? outcome(Status.HOLDS, "") : outcome(Status.VIOLATED, message(variables));
    }

    /**
     * The message expression's result, else the message; a message expression that fails falls back
     * to the message, with why, since the verdict is already decided.
     */
    private String message(Map<String, Object> variables) {
      String fixed = spec.message().orElse("rule \"" + spec.rule().strip() + "\" is false");
      if (messageExpression.isEmpty()) {
        return fixed;
      }
      try {
        Object text = run(messageExpression.get(), variables);
        return text instanceof String s && !s.isBlank() ? s : fixed;
      } catch (CelEvaluationException | TooCostly e) {
        return fixed + " (messageExpression failed: " + why(e) + ")";
      }
    }

    private PolicyOutcome outcome(Status status, String message) {
      boolean approval = spec.effect() == Effect.REQUIRE_APPROVAL;
      return new PolicyOutcome(
          name,
          spec.effect(),
          status,
          message,
          approval ? spec.approvers() : List.of(),
          approval ? spec.approvals() : 0);
    }
  }

  /** Runs a program, stopping it after {@link #MAX_STEPS} steps. */
  private static Object run(CelRuntime.Program program, Map<String, Object> variables)
      throws CelEvaluationException {
    int[] steps = {0};
    try {
      return program.trace(
          variables,
          (expr, value) -> {
            if (++steps[0] > MAX_STEPS) {
              throw new TooCostly();
            }
          });
    } catch (CelEvaluationException e) {
      if (e.getCause() instanceof TooCostly costly) {
        throw costly;
      }
      throw e;
    }
  }

  private static String why(Exception e) {
    if (e instanceof TooCostly) {
      return "it took more than " + MAX_STEPS + " steps";
    }
    String message = e.getMessage();
    // CEL says "evaluation error at <input>:12: no such key: x"; the offset means little here.
    return message.replaceFirst("^evaluation error at <input>:\\d+: ", "");
  }

  /** Thrown from inside an evaluation that took too many steps. */
  private static final class TooCostly extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooCostly() {
      super(null, null, false, false);
    }
  }
}
