package dev.sextant.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.FactType;
import dev.sextant.core.fingerprint.FactTypes;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.validation.DidYouMean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Facts supposed for a plan, the question asked before an upgrade: what if the driver were
 * 575.57.08 and the OS 24.04? Each fact is typed as the environments have it, and replaces the fact
 * only where an environment has it: a driver upgrade changes hosts with a driver and leaves the
 * CPU-only ones as they are. Facts derived from a supposed one are derived again ({@link
 * DerivedFacts}), unless the what-if sets them too.
 */
public final class WhatIf {
  private final SortedMap<String, Fact> facts;

  private WhatIf(SortedMap<String, Fact> facts) {
    this.facts = Collections.unmodifiableSortedMap(facts);
  }

  /**
   * Types each override as the fact is typed where the environments have it.
   *
   * @param environments the fingerprints of the plan's environments
   * @throws WhatIfException for a fact none of them has (with the nearest one that some has), a
   *     value not of the fact's type, or a fact given twice
   */
  public static WhatIf of(List<FactOverride> overrides, Collection<Fingerprint> environments) {
    SortedMap<String, Fact> facts = new TreeMap<>();
    for (FactOverride override : overrides) {
      Fact held =
          environments.stream()
              .flatMap(f -> f.fact(override.key()).stream())
              .findFirst()
              .orElseThrow(() -> unknown(override, environments));
      FactType type = FactTypes.registered(override.key()).orElse(FactType.of(held));
      Fact value = read(override, type);
      Fact earlier = facts.put(override.key(), value);
      if (earlier != null && !earlier.equals(value)) {
        throw new WhatIfException(
            override.key()
                + " is supposed twice, as "
                + earlier.display()
                + " and as "
                + value.display()
                + "; give each fact once");
      }
    }
    return new WhatIf(facts);
  }

  /** The supposed facts by key, typed. */
  public SortedMap<String, Fact> facts() {
    return facts;
  }

  /** The environment with the supposed facts that it has, and those derived from them. */
  public HypotheticalTarget apply(Target target) {
    Fingerprint fingerprint = target.fingerprint();
    List<HypotheticalFact> changed = new ArrayList<>();
    for (var supposed : facts.entrySet()) {
      Optional<Fact> today = target.fingerprint().fact(supposed.getKey());
      if (today.isPresent() && !today.get().equals(supposed.getValue())) {
        fingerprint = fingerprint.with(supposed.getKey(), supposed.getValue());
        changed.add(
            new HypotheticalFact(
                supposed.getKey(),
                today.get(),
                Optional.of(supposed.getValue()),
                Optional.empty()));
      }
    }
    for (DerivedFacts.Derivation derivation : DerivedFacts.ALL) {
      Optional<Fact> today = target.fingerprint().fact(derivation.key());
      boolean follows = changed.stream().anyMatch(c -> c.key().equals(derivation.from()));
      // A fact the environment never reported stays unreported: the validators derive it
      // themselves.
      if (!follows || facts.containsKey(derivation.key()) || today.isEmpty()) {
        continue;
      }
      Optional<Fact> derived =
          derivation.derive().apply(fingerprint.fact(derivation.from()).orElseThrow());
      if (!derived.equals(today)) {
        fingerprint =
            derived.isPresent()
                ? fingerprint.with(derivation.key(), derived.get())
                : fingerprint.without(derivation.key());
        changed.add(
            new HypotheticalFact(
                derivation.key(), today.get(), derived, Optional.of(derivation.from())));
      }
    }
    if (changed.isEmpty()) {
      return new HypotheticalTarget(target, target, List.of());
    }
    Target supposed =
        new Target(
            target.environment(),
            target.origin(),
            fingerprint,
            fingerprint.digests().whole(),
            target.verification(),
            target.blocked());
    return new HypotheticalTarget(target, supposed, changed);
  }

  private static Fact read(FactOverride override, FactType type) {
    JsonNode value =
        type == FactType.SET || type == FactType.LIST
            ? list(override.value())
            : Fact.NODES.textNode(override.value());
    Fact fact;
    try {
      fact = type.read(value, Optional.of(override.value()));
    } catch (IllegalArgumentException e) {
      throw new WhatIfException(override + ": " + e.getMessage());
    }
    // Versions.check lets any word through, as a file may hold one; a supposed version is one
    // that compares, or the question answers nothing.
    if (type == FactType.VERSION && !Character.isDigit(override.value().charAt(0))) {
      throw new WhatIfException(
          override
              + ": \""
              + override.value()
              + "\" is not a version; "
              + override.key()
              + " is a version fact, expected dotted numbers such as 535.104.05 or 24.04");
    }
    return fact;
  }

  /** A set or list written as comma-separated names: {@code cpu.flags=avx2,fma}. */
  private static ArrayNode list(String value) {
    ArrayNode out = Fact.NODES.arrayNode();
    for (String name : value.split(",")) {
      if (!name.isBlank()) {
        out.add(name.strip());
      }
    }
    return out;
  }

  private static WhatIfException unknown(
      FactOverride override, Collection<Fingerprint> environments) {
    SortedSet<String> known = new TreeSet<>();
    environments.forEach(f -> known.addAll(f.facts().keySet()));
    return new WhatIfException(
        override
            + ": no environment of this plan has the fact "
            + override.key()
            + DidYouMean.hint(override.key(), known)
            + " (a what-if changes facts the environments have; sextant fingerprint lists a"
            + " host's)");
  }
}
