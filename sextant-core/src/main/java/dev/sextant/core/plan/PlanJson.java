package dev.sextant.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Value;
import dev.sextant.core.compat.parameter.ParameterValue;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.policy.PolicyOutcome;
import dev.sextant.core.resource.spec.PolicySpec;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The documented JSON form of a plan (README, "Plans", under Output). Fields appear in a fixed
 * order and nothing in it depends on when or where it was made (no times, no paths), so two runs on
 * the same inputs give the same bytes; the digest is sha256 over the canonical JSON of everything
 * but the digest itself.
 *
 * <p>A rule's source is said once, in {@code rules}, and a finding names its rule: a plan of a
 * hundred releases on a fleet would otherwise repeat the same paragraph on every finding.
 */
public final class PlanJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private PlanJson() {}

  /** The plan with its digest, as {@code sextant plan -o json} prints it. */
  public static ObjectNode write(Plan plan) {
    ObjectNode body = body(plan);
    ObjectNode out = NODES.objectNode();
    out.put("apiVersion", "sextant.dev/v1");
    out.put("kind", "Plan");
    out.put("digest", Digest.sha256(CanonicalJson.bytes(body)).value());
    out.setAll(body);
    return out;
  }

  static Digest digest(Plan plan) {
    return Digest.sha256(CanonicalJson.bytes(body(plan)));
  }

  private static ObjectNode body(Plan plan) {
    ObjectNode out = NODES.objectNode();
    ObjectNode summary = out.putObject("summary");
    summary.put("allCompatible", plan.allCompatible());
    for (Map.Entry<Verdict, Integer> e : plan.summary().entrySet()) {
      summary.put(camel(e.getKey().label()), e.getValue());
    }
    ArrayNode environments = out.putArray("environments");
    for (Plan.Environment e : plan.environments()) {
      environments
          .addObject()
          .put("name", e.name())
          .put("origin", e.origin().label())
          .put("fingerprint", e.fingerprint().value());
    }
    ArrayNode validators = out.putArray("validators");
    plan.validators()
        .forEach(
            v ->
                validators
                    .addObject()
                    .put("rule", v.rule())
                    .put("implementation", v.implementation()));
    ObjectNode rules = out.putObject("rules");
    Map<String, String> sources = new TreeMap<>();
    for (Plan.ValidatorUse v : plan.validators()) {
      rules.putObject(v.rule()).put("summary", v.summary()).put("source", v.source());
      sources.put(v.rule(), v.source());
    }
    ArrayNode order = out.putArray("order");
    plan.releases().forEach(r -> order.add(r.name()));
    ArrayNode releases = out.putArray("releases");
    plan.releases().forEach(r -> release(releases.addObject(), r, sources));
    return out;
  }

  private static void release(ObjectNode out, ReleasePlan release, Map<String, String> sources) {
    out.put("name", release.name())
        .put("service", release.service())
        .put("version", release.version())
        .put("digest", release.digest().value());
    ArrayNode dependencies = out.putArray("dependencies");
    for (DependencyResult d : release.dependencies()) {
      ObjectNode node =
          dependencies.addObject().put("service", d.service()).put("range", d.range());
      node.put("provider", d.provider().orElse(null));
      node.put("providerApi", d.providerApi().orElse(null));
      node.put("satisfied", d.satisfied());
    }
    texts(out.putArray("refusals"), release.refusals());
    ArrayNode targets = out.putArray("targets");
    release.targets().forEach(t -> target(targets.addObject(), t, sources));
  }

  private static void target(ObjectNode out, TargetPlan target, Map<String, String> sources) {
    out.put("environment", target.environment())
        .put("origin", target.origin().label())
        .put("fingerprint", target.fingerprint().value())
        .put("verdict", target.verdict().label())
        .put("variant", target.variant().orElse(null))
        .put("reason", target.reason());
    ArrayNode policies = out.putArray("policies");
    target.policies().forEach(p -> policy(policies.addObject(), p));
    ArrayNode variants = out.putArray("variants");
    for (VariantResult v : target.variants()) {
      ObjectNode node =
          variants
              .addObject()
              .put("name", v.name())
              .put("outcome", v.outcome().label())
              .put("reason", v.reason());
      ArrayNode tiers = node.putArray("tiers");
      v.tiers().forEach(t -> tier(tiers.addObject(), t, sources));
      ArrayNode parameters = node.putArray("parameters");
      v.parameters().forEach(p -> parameter(parameters.addObject(), p));
    }
  }

  /** A policy's outcome; who may approve, and how many, only where it asks for approval. */
  private static void policy(ObjectNode out, PolicyOutcome outcome) {
    out.put("name", outcome.policy())
        .put("effect", outcome.effectName())
        .put("status", outcome.status().label())
        .put("message", outcome.message());
    if (outcome.effect() == PolicySpec.Effect.REQUIRE_APPROVAL) {
      texts(out.putArray("approvers"), outcome.approvers());
      out.put("approvals", outcome.approvals());
    }
  }

  private static void tier(ObjectNode out, TierResult tier, Map<String, String> sources) {
    out.put("tier", tier.tier()).put("status", tier.status().label()).put("reason", tier.reason());
    switch (tier.tier()) {
      case 0 -> {
        ArrayNode gates = out.putArray("gates");
        tier.gates()
            .forEach(
                g ->
                    gates
                        .addObject()
                        .put("name", g.name())
                        .put("passed", g.passed())
                        .put("detail", g.detail()));
      }
      case 1 -> {
        ArrayNode requirements = out.putArray("requirements");
        tier.requirements().forEach(r -> requirement(requirements.addObject(), r, sources));
      }
      default -> {
        ArrayNode checks = out.putArray("checks");
        tier.checks().forEach(c -> check(checks.addObject(), c));
      }
    }
  }

  /**
   * A requirement names its rule when a validator applied it, and carries its source itself when it
   * compared facts or ran CEL, which have no entry in {@code rules}. A validator's requirement is
   * named by its rule and has its source; a fact's is named by the fact and has the fact
   * comparison's source, so the two cannot be taken for each other even where a fact and a rule
   * share a name.
   */
  private static void requirement(
      ObjectNode out, RequirementResult result, Map<String, String> sources) {
    Finding f = result.finding();
    out.put("name", result.name()).put("description", result.description()).put("met", f.met());
    texts(out.putArray("facts"), f.facts());
    out.put("required", f.required());
    value(out, "requiredValue", f.requiredValue());
    out.put("observed", f.observed());
    value(out, "observedValue", f.observedValue());
    out.put("reason", f.reason());
    if (result.source().equals(sources.get(result.name()))) {
      out.put("rule", result.name());
    } else {
      out.put("source", result.source());
    }
    texts(out.putArray("caveats"), f.caveats());
  }

  /**
   * A typed value, left out rather than null when there is none: most findings of a big plan have
   * none on one side, and two nulls per finding made a plan of 86 releases on 63 hosts 1.8 MB
   * larger.
   */
  private static void value(ObjectNode out, String field, Optional<Value> value) {
    if (value.isEmpty()) {
      return;
    }
    ObjectNode node = out.putObject(field).put("type", value.get().type());
    if (value.get() instanceof Value.Version v) {
      node.put("value", v.value());
    } else if (value.get() instanceof Value.Specifiers s) {
      node.put("value", s.value());
    } else if (value.get() instanceof Value.Quantity q) {
      node.put("bytes", q.bytes().toBigInteger()).put("text", q.text());
    } else if (value.get() instanceof Value.Count c) {
      node.put("value", c.value());
    } else if (value.get() instanceof Value.WheelTag w) {
      node.put("tag", w.tag()).put("rank", w.rank()).put("of", w.of());
    }
  }

  private static void check(ObjectNode out, CheckResult check) {
    out.put("name", check.name()).put("description", check.description());
    texts(out.putArray("command"), check.command());
    out.put("passed", check.run().passed())
        .put("outcome", check.outcome())
        .put("output", check.run().output());
  }

  private static void parameter(ObjectNode out, ParameterValue parameter) {
    out.put("name", parameter.name())
        .put("value", parameter.value().orElse(null))
        .put("derivation", parameter.derivation())
        .put("problem", parameter.problem().orElse(null));
  }

  private static void texts(ArrayNode out, Collection<String> texts) {
    texts.forEach(out::add);
  }

  private static String camel(String label) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : label.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
