package dev.sextant.core.compat;

import dev.sextant.core.compat.version.DottedRange;
import dev.sextant.core.compat.version.VersionRanges;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.FactType;
import dev.sextant.core.fingerprint.FactTypes;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.fingerprint.Versions;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A requirement on one fact ({@code fact: memory.total, min: 16Gi}), prepared once and evaluated
 * against any number of fingerprints.
 *
 * <p>Operands are text whose meaning comes from the fact's type ({@link FactTypes}):
 *
 * <ul>
 *   <li>quantity ({@code memory.total}): {@code equals}, {@code min}, {@code max}, {@code in} as
 *       amounts of bytes ({@code 16Gi}, {@code 8 GB}), read by {@link Quantities};
 *   <li>number ({@code gpu.count}): {@code equals}, {@code min}, {@code max}, {@code in} as
 *       decimals;
 *   <li>version ({@code python.version}): {@code range} in the requirement's {@code scheme} or the
 *       default one ({@link VersionRanges#defaultScheme}); {@code equals}, {@code min}, {@code max}
 *       and {@code in} in that scheme when one is given or implied (PEP 440 for {@code python.*},
 *       semver for npm syntax); otherwise as dotted numbers ({@link DottedRange}) when the operand
 *       is plain dotted numbers ({@code 550.54.14}), and else by the fingerprint's own version
 *       order ({@link Versions}), which reads suffixes such as {@code -1ubuntu2} or {@code rc1}
 *       that a dotted range would refuse;
 *   <li>string and bool: {@code equals} and {@code in}; set and list ({@code cpu.flags}): {@code
 *       includes}, every listed name present.
 * </ul>
 *
 * <p>{@code exists: true} requires the fact, {@code exists: false} its absence; any other operator
 * on an absent fact is not met. A key with no registered type is typed by what the environment
 * reports: the operands are read for every type they fit when prepared, and the fact's own type
 * picks among them when evaluated.
 *
 * <p>Everything is parsed in {@link #prepare}; evaluation does lookups, comparisons and string
 * concatenation only, since a plan evaluates each requirement against thousands of fingerprints.
 */
public final class FactConstraint implements Constraint {
  private static final FactType[] TYPES = FactType.values();

  private final String key;
  private final List<String> facts;
  private final String required;
  private final Optional<Boolean> exists;
  // By FactType ordinal: the clauses for a fact of that type, or null when the operands do not fit
  // it.
  private final FactOperands.Clause[][] clausesByType;
  // By FactType ordinal: the one value required of a fact of that type, or null when there is none.
  private final Value[] valueByType;
  private final String operatorNames;

  /**
   * The same sentence whatever the value, which the finding shows beside it: a plan of 10,000
   * environments holds a million met findings, and building a sentence for each was most of what
   * planning allocated.
   */
  private final String metReason;

  /** The finding when the fact is absent, which never changes. */
  private final Finding absent;

  private FactConstraint(
      String key,
      String required,
      Optional<Boolean> exists,
      FactOperands.Clause[][] clausesByType,
      Value[] valueByType,
      String operatorNames) {
    this.key = key.intern();
    this.facts = List.of(this.key);
    this.required = required;
    this.exists = exists;
    this.clausesByType = clausesByType;
    this.valueByType = valueByType;
    this.operatorNames = operatorNames;
    this.metReason = "the observed value meets " + required;
    this.absent =
        exists.isPresent() && !exists.get()
            ? Finding.met(facts, required, Finding.ABSENT, key + " is absent, as required")
            : Finding.notMet(facts, required, Finding.ABSENT, key + " is absent");
  }

  /** Whether the requirement uses any of equals, min, max, range, in, includes or exists. */
  public static boolean hasOperators(Requirement requirement) {
    return requirement.equalTo().isPresent()
        || requirement.min().isPresent()
        || requirement.max().isPresent()
        || requirement.range().isPresent()
        || !requirement.in().isEmpty()
        || !requirement.includes().isEmpty()
        || requirement.exists().isPresent();
  }

  /**
   * Reads and checks the requirement's operands against its fact's type.
   *
   * @throws InvalidRequirementException naming the field ({@code fact}, {@code min}, {@code range},
   *     ...) whose operand is missing, does not fit the fact's type, or does not parse
   */
  public static Constraint prepare(Requirement requirement) {
    String key =
        requirement
            .fact()
            .map(String::strip)
            .filter(k -> !k.isEmpty())
            .orElseThrow(
                () ->
                    new InvalidRequirementException(
                        "fact",
                        "a requirement on a fact needs fact: the key to check, such as memory.total"));
    if (!hasOperators(requirement)) {
      throw new InvalidRequirementException(
          "fact",
          "requirement on "
              + key
              + " has no operator; expected one of equals, min, max, range, in, includes, exists");
    }
    Optional<Boolean> exists = requirement.exists();
    if (exists.equals(Optional.of(false)) && countComparisons(requirement) > 0) {
      throw new InvalidRequirementException(
          "exists",
          "exists: false on "
              + key
              + " cannot be combined with other operators: an absent fact has no value to compare");
    }
    FactOperands.Clause[][] byType = new FactOperands.Clause[TYPES.length][];
    Value[] values = new Value[TYPES.length];
    Optional<FactType> declared = FactTypes.registered(key);
    String required;
    if (declared.isPresent()) {
      FactOperands.Prepared prepared = new FactOperands(key, requirement).forType(declared.get());
      byType[declared.get().ordinal()] = prepared.clauses();
      values[declared.get().ordinal()] = prepared.value().orElse(null);
      required = prepared.required();
    } else {
      required = null;
      InvalidRequirementException first = null;
      for (FactType type : TYPES) {
        try {
          FactOperands.Prepared prepared = new FactOperands(key, requirement).forType(type);
          byType[type.ordinal()] = prepared.clauses();
          values[type.ordinal()] = prepared.value().orElse(null);
          required = required == null ? prepared.required() : required;
        } catch (InvalidRequirementException e) {
          first = first == null || type == likelyType(requirement) ? e : first;
        }
      }
      if (required == null) {
        throw first;
      }
    }
    return new FactConstraint(key, required, exists, byType, values, operatorNames(requirement));
  }

  @Override
  public Finding evaluate(Fingerprint fingerprint) {
    Fact fact = fingerprint.facts().get(key);
    if (fact == null) {
      return absent;
    }
    Finding finding = evaluate(fact);
    Value wanted = valueByType[typeOf(fact).ordinal()];
    finding = wanted == null ? finding : finding.withRequired(wanted);
    return Value.of(fact).map(finding::withObserved).orElse(finding);
  }

  private Finding evaluate(Fact fact) {
    String shown = fact.display();
    if (exists.isPresent() && !exists.get()) {
      return Finding.notMet(
          facts, required, shown, key + " is present (" + shown + ") but must be absent");
    }
    FactType type = typeOf(fact);
    FactOperands.Clause[] clauses = clausesByType[type.ordinal()];
    if (clauses == null) {
      return Finding.notMet(
          facts,
          required,
          shown,
          key
              + " is a "
              + type.word()
              + " ("
              + shown
              + "), which "
              + operatorNames
              + " cannot be compared with");
    }
    for (FactOperands.Clause clause : clauses) {
      String unmet = clause.unmet(fact, shown);
      if (unmet != null) {
        return Finding.notMet(facts, required, shown, unmet);
      }
    }
    return Finding.met(facts, required, shown, metReason);
  }

  @Override
  public String toString() {
    return required;
  }

  private static FactType typeOf(Fact fact) {
    if (fact instanceof Fact.Version) {
      return FactType.VERSION;
    }
    if (fact instanceof Fact.Quantity) {
      return FactType.QUANTITY;
    }
    if (fact instanceof Fact.Text) {
      return FactType.STRING;
    }
    if (fact instanceof Fact.Number) {
      return FactType.NUMBER;
    }
    if (fact instanceof Fact.Set) {
      return FactType.SET;
    }
    if (fact instanceof Fact.Sequence) {
      return FactType.LIST;
    }
    return FactType.BOOL;
  }

  private static int countComparisons(Requirement r) {
    int n = 0;
    n += r.equalTo().isPresent() ? 1 : 0;
    n += r.min().isPresent() ? 1 : 0;
    n += r.max().isPresent() ? 1 : 0;
    n += r.range().isPresent() ? 1 : 0;
    n += r.in().isEmpty() ? 0 : 1;
    n += r.includes().isEmpty() ? 0 : 1;
    return n;
  }

  private static String operatorNames(Requirement r) {
    List<String> names = new ArrayList<>();
    r.equalTo().ifPresent(x -> names.add("equals"));
    r.min().ifPresent(x -> names.add("min"));
    r.max().ifPresent(x -> names.add("max"));
    r.range().ifPresent(x -> names.add("range"));
    if (!r.in().isEmpty()) {
      names.add("in");
    }
    if (!r.includes().isEmpty()) {
      names.add("includes");
    }
    return String.join(", ", names);
  }

  /** For an untyped key whose operands fit no type: the type whose complaint is most useful. */
  private static FactType likelyType(Requirement r) {
    if (r.range().isPresent() || r.scheme().isPresent()) {
      return FactType.VERSION;
    }
    if (!r.includes().isEmpty()) {
      return FactType.SET;
    }
    Optional<String> operand = r.min().or(r::max);
    if (operand.isEmpty()) {
      return FactType.STRING;
    }
    String text = operand.get().strip();
    return !text.isEmpty()
            && Character.isDigit(text.charAt(0))
            && Character.isLetter(text.charAt(text.length() - 1))
        ? FactType.QUANTITY
        : FactType.NUMBER;
  }
}
