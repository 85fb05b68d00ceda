package dev.sextant.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.fingerprint.FactJson;
import java.util.Map;

/**
 * The JSON form of a what-if ({@code sextant plan --what-if ... -o json}), by the rules of {@link
 * PlanJson}: fields in a fixed order, nothing of when or where it was made, and a digest over the
 * canonical JSON of everything but the digest. The two plans appear by their digests, and only the
 * pairs of release and environment that change appear in full: a fleet's what-if is read for its
 * changes.
 */
public final class WhatIfJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private WhatIfJson() {}

  public static ObjectNode write(WhatIfPlan plan) {
    ObjectNode body = body(plan);
    ObjectNode out = NODES.objectNode();
    out.put("apiVersion", "sextant.dev/v1");
    out.put("kind", "WhatIf");
    out.put("digest", Digest.sha256(CanonicalJson.bytes(body)).value());
    out.setAll(body);
    return out;
  }

  private static ObjectNode body(WhatIfPlan plan) {
    ObjectNode out = NODES.objectNode();
    ArrayNode supposed = out.putArray("whatIf");
    plan.whatIf()
        .facts()
        .forEach(
            (key, fact) ->
                supposed.addObject().put("fact", key).set("value", FactJson.write(fact)));
    ObjectNode summary = out.putObject("summary");
    summary.put("breaks", plan.comparison().breaks());
    for (Map.Entry<PlanChange.Kind, Integer> e : plan.comparison().counts().entrySet()) {
      summary.put(camel(e.getKey()), e.getValue());
    }
    ObjectNode plans = out.putObject("plans");
    plans.put("today", plan.today().digest().value());
    plans.put("whatIf", plan.supposed().digest().value());
    ArrayNode environments = out.putArray("environments");
    for (HypotheticalTarget e : plan.environments()) {
      ObjectNode node =
          environments
              .addObject()
              .put("name", e.today().environment())
              .put("origin", e.today().origin().label())
              .put("fingerprint", e.today().digest().value())
              .put("whatIfFingerprint", e.whatIf().digest().value());
      ArrayNode facts = node.putArray("facts");
      for (HypotheticalFact f : e.facts()) {
        ObjectNode fact = facts.addObject().put("key", f.key());
        fact.set("today", FactJson.write(f.today()));
        fact.set("whatIf", f.whatIf().map(FactJson::write).orElse(null));
        fact.put("derivedFrom", f.derivedFrom().orElse(null));
      }
    }
    ArrayNode changes = out.putArray("changes");
    plan.comparison().changed().forEach(c -> change(changes.addObject(), c));
    return out;
  }

  private static void change(ObjectNode out, PlanChange change) {
    out.put("release", change.release())
        .put("environment", change.environment())
        .put("change", change.kind().label());
    side(out.putObject("today"), change.today());
    side(out.putObject("whatIf"), change.whatIf());
    out.put("lostVariant", change.lostVariant().map(VariantResult::name).orElse(null));
    ArrayNode unmet = out.putArray("unmet");
    for (RequirementResult r : change.unmet()) {
      Finding f = r.finding();
      ObjectNode node = unmet.addObject().put("name", r.name());
      ArrayNode facts = node.putArray("facts");
      f.facts().forEach(facts::add);
      node.put("required", f.required())
          .put("observed", f.observed())
          .put("reason", f.reason())
          .put("source", r.source());
    }
  }

  private static void side(ObjectNode out, TargetPlan plan) {
    out.put("verdict", plan.verdict().label())
        .put("variant", plan.variant().orElse(null))
        .put("reason", plan.reason());
  }

  private static String camel(PlanChange.Kind kind) {
    String[] words = kind.label().split("-");
    StringBuilder out = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return out.toString();
  }
}
