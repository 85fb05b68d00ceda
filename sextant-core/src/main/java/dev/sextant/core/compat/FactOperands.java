package dev.sextant.core.compat;

import dev.sextant.core.compat.version.DottedRange;
import dev.sextant.core.compat.version.VersionRange;
import dev.sextant.core.compat.version.VersionRanges;
import dev.sextant.core.document.NumberBounds;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.FactType;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.fingerprint.Versions;
import dev.sextant.core.resource.spec.Requirement;
import dev.sextant.core.resource.spec.Requirement.Scheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * A fact requirement's operands, read for one fact type at a time into clauses {@link
 * FactConstraint} evaluates.
 */
final class FactOperands {
  private final String key;
  private final Requirement requirement;
  private final List<Clause> clauses = new ArrayList<>();
  private final List<String> words = new ArrayList<>();

  FactOperands(String key, Requirement requirement) {
    this.key = key;
    this.requirement = requirement;
  }

  Prepared forType(FactType type) {
    Requirement r = requirement;
    if (r.scheme().isPresent() && type != FactType.VERSION) {
      throw new InvalidRequirementException(
          "scheme", "scheme applies to version facts; " + key + " is a " + type.word());
    }
    switch (type) {
      case QUANTITY, NUMBER -> amounts(type);
      case VERSION -> versions();
      case STRING -> texts();
      case BOOL -> flags();
      case SET, LIST -> members(type);
    }
    r.exists().ifPresent(e -> words.add(e ? "exists" : "does not exist"));
    return new Prepared(
        clauses.toArray(new Clause[0]), key + " " + String.join(" and ", words), value(type));
  }

  /**
   * What a requirement with one operand of {@code equals}, {@code min} or {@code max} requires, as
   * a typed value: a version, or an amount of bytes as written. Ranges, lists and two bounds are
   * not one value.
   */
  private Optional<Value> value(FactType type) {
    Requirement r = requirement;
    List<String> operands = new ArrayList<>();
    r.equalTo().ifPresent(operands::add);
    r.min().ifPresent(operands::add);
    r.max().ifPresent(operands::add);
    if (operands.size() != 1
        || r.range().isPresent()
        || !r.in().isEmpty()
        || !r.includes().isEmpty()) {
      return Optional.empty();
    }
    String text = operands.get(0).strip();
    return switch (type) {
      case VERSION -> Optional.of(new Value.Version(text));
      case QUANTITY -> Optional.of(new Value.Quantity(Quantities.parse(text), text));
      default -> Optional.empty();
    };
  }

  private void amounts(FactType type) {
    Requirement r = requirement;
    notFor(type, "range", r.range().isPresent(), "versions");
    notFor(type, "includes", !r.includes().isEmpty(), "sets and lists");
    amountBound(type, "equals", r.equalTo(), "=", order -> order == 0, "not");
    amountBound(type, "min", r.min(), "≥", order -> order >= 0, "below the minimum");
    amountBound(type, "max", r.max(), "≤", order -> order <= 0, "above the maximum");
    if (!r.in().isEmpty()) {
      List<BigDecimal> wants = new ArrayList<>();
      for (String text : r.in()) {
        wants.add(amount(type, "in", text));
      }
      String list = String.join(", ", r.in());
      words.add("one of " + list);
      clauses.add(
          (fact, shown) -> {
            BigDecimal have = amountOf(fact);
            if (have == null) {
              return notBytes(shown);
            }
            for (BigDecimal want : wants) {
              if (have.compareTo(want) == 0) {
                return null;
              }
            }
            return key + " is " + shown + ", not one of " + list;
          });
    }
  }

  /**
   * One bound on an amount, such as {@code min: 16Gi}: met when {@code holds} accepts the fact's
   * order against the bound ({@code compareTo}'s sign).
   */
  private void amountBound(
      FactType type,
      String field,
      Optional<String> given,
      String symbol,
      IntPredicate holds,
      String otherwise) {
    given.ifPresent(
        text -> {
          BigDecimal want = amount(type, field, text);
          words.add(symbol + " " + text);
          clauses.add(
              (fact, shown) -> {
                BigDecimal have = amountOf(fact);
                if (have == null) {
                  return notBytes(shown);
                }
                return holds.test(have.compareTo(want))
                    ? null
                    : key + " is " + shown + ", " + otherwise + " " + text;
              });
        });
  }

  private String notBytes(String shown) {
    return key + " is " + shown + ", not an amount of bytes";
  }

  /** A number's value or a quantity's bytes; null for a quantity in another unit (GHz). */
  private static BigDecimal amountOf(Fact fact) {
    if (fact instanceof Fact.Quantity q) {
      return q.unit().equals("bytes") ? q.amount() : null;
    }
    return ((Fact.Number) fact).value();
  }

  private BigDecimal amount(FactType type, String field, String text) {
    if (type == FactType.QUANTITY) {
      try {
        return Quantities.parse(text);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequirementException(
            field, field + " on " + key + " (a quantity): " + e.getMessage());
      }
    }
    NumberBounds.problem(text.strip())
        .ifPresent(
            problem -> {
              throw new InvalidRequirementException(field, field + " on " + key + ": " + problem);
            });
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequirementException(
          field,
          field
              + " on "
              + key
              + " is \""
              + text
              + "\"; "
              + key
              + " is a number, so expected a number such as 4 or 2.5");
    }
  }

  private void versions() {
    Requirement r = requirement;
    notFor(FactType.VERSION, "includes", !r.includes().isEmpty(), "sets and lists");
    r.range()
        .ifPresent(
            text -> {
              VersionRange range = range("range", r.scheme(), text);
              words.add("in " + text + " (" + VersionRanges.name(range.scheme()) + ")");
              clauses.add(
                  (fact, shown) ->
                      range.contains(shown)
                          ? null
                          : key
                              + " "
                              + shown
                              + " is not in "
                              + text
                              + " ("
                              + range.describe()
                              + ")");
            });
    r.equalTo()
        .ifPresent(
            text -> {
              Predicate<String> test = single("equals", Operator.EQUAL, text);
              words.add("= " + text + schemeNote(text));
              clauses.add(
                  (fact, shown) ->
                      test.test(shown) ? null : key + " is " + shown + ", not " + text);
            });
    r.min()
        .ifPresent(
            text -> {
              Predicate<String> test = single("min", Operator.AT_LEAST, text);
              words.add("≥ " + text + schemeNote(text));
              clauses.add(
                  (fact, shown) ->
                      test.test(shown)
                          ? null
                          : key + " is " + shown + ", below the minimum " + text);
            });
    r.max()
        .ifPresent(
            text -> {
              Predicate<String> test = single("max", Operator.AT_MOST, text);
              words.add("≤ " + text + schemeNote(text));
              clauses.add(
                  (fact, shown) ->
                      test.test(shown)
                          ? null
                          : key + " is " + shown + ", above the maximum " + text);
            });
    if (!r.in().isEmpty()) {
      List<Predicate<String>> tests = new ArrayList<>();
      for (String text : r.in()) {
        tests.add(single("in", Operator.EQUAL, text));
      }
      String list = String.join(", ", r.in());
      words.add("one of " + list);
      clauses.add(
          (fact, shown) -> {
            for (Predicate<String> test : tests) {
              if (test.test(shown)) {
                return null;
              }
            }
            return key + " is " + shown + ", not one of " + list;
          });
    }
  }

  /** The scheme single comparisons use: the one given or implied, or none for {@link Versions}. */
  private Optional<Scheme> comparisonScheme(String text) {
    if (requirement.scheme().isPresent()) {
      return requirement.scheme();
    }
    Scheme implied = VersionRanges.defaultScheme(key, text);
    return implied == Scheme.DOTTED ? Optional.empty() : Optional.of(implied);
  }

  private String schemeNote(String text) {
    return comparisonScheme(text).map(s -> " (" + VersionRanges.name(s) + ")").orElse("");
  }

  private Predicate<String> single(String field, Operator op, String text) {
    String operand = text.strip();
    Optional<Scheme> scheme = comparisonScheme(operand);
    if (scheme.isPresent()) {
      String symbol =
          switch (scheme.get()) {
            case SEMVER -> op == Operator.EQUAL ? "=" : op.symbol;
            case PEP440, DOTTED -> op.symbol;
          };
      VersionRange range = range(field, scheme, symbol + operand);
      return range::contains;
    }
    try {
      VersionRange dotted = DottedRange.parse(op.symbol + operand);
      return dotted::contains;
    } catch (IllegalArgumentException notPlainNumbers) {
      // 8.9.7.29-1+cuda12.2 or 3.13.0rc1: fall through to the order fingerprints use.
    }
    try {
      Versions.check(operand);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequirementException(
          field, field + " on " + key + " (a version): " + e.getMessage());
    }
    return switch (op) {
      case EQUAL -> v -> Versions.compare(v, operand) == 0;
      case AT_LEAST -> v -> Versions.compare(v, operand) >= 0;
      case AT_MOST -> v -> Versions.compare(v, operand) <= 0;
    };
  }

  private VersionRange range(String field, Optional<Scheme> scheme, String text) {
    try {
      return VersionRanges.parse(key, scheme, text);
    } catch (IllegalArgumentException e) {
      Scheme used = scheme.orElseGet(() -> VersionRanges.defaultScheme(key, text));
      throw new InvalidRequirementException(
          field,
          field
              + " on "
              + key
              + " is not a "
              + VersionRanges.name(used)
              + " range: "
              + e.getMessage());
    }
  }

  private void texts() {
    Requirement r = requirement;
    notOrdered(FactType.STRING);
    notFor(FactType.STRING, "includes", !r.includes().isEmpty(), "sets and lists");
    r.equalTo()
        .ifPresent(
            text -> {
              words.add("= " + text);
              clauses.add(
                  (fact, shown) ->
                      ((Fact.Text) fact).value().equals(text)
                          ? null
                          : key + " is " + shown + ", not " + text);
            });
    if (!r.in().isEmpty()) {
      List<String> allowed = List.copyOf(r.in());
      String list = String.join(", ", allowed);
      words.add("one of " + list);
      clauses.add(
          (fact, shown) ->
              allowed.contains(((Fact.Text) fact).value())
                  ? null
                  : key + " is " + shown + ", not one of " + list);
    }
  }

  private void flags() {
    Requirement r = requirement;
    notOrdered(FactType.BOOL);
    notFor(FactType.BOOL, "includes", !r.includes().isEmpty(), "sets and lists");
    r.equalTo()
        .ifPresent(
            text -> {
              boolean want = flag("equals", text);
              words.add("= " + want);
              clauses.add(
                  (fact, shown) ->
                      ((Fact.Flag) fact).value() == want
                          ? null
                          : key + " is " + shown + ", not " + want);
            });
    if (!r.in().isEmpty()) {
      boolean[] allowed = new boolean[2];
      for (String text : r.in()) {
        allowed[flag("in", text) ? 1 : 0] = true;
      }
      String list = String.join(", ", r.in());
      words.add("one of " + list);
      clauses.add(
          (fact, shown) ->
              allowed[((Fact.Flag) fact).value() ? 1 : 0]
                  ? null
                  : key + " is " + shown + ", not one of " + list);
    }
  }

  private boolean flag(String field, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return t.equals("true");
    }
    throw new InvalidRequirementException(
        field,
        field
            + " on "
            + key
            + " is \""
            + text
            + "\"; "
            + key
            + " is a bool, so expected true or false");
  }

  private void members(FactType type) {
    Requirement r = requirement;
    notOrdered(type);
    String use = "; use includes to require members";
    if (r.equalTo().isPresent()) {
      throw new InvalidRequirementException(
          "equals", "equals applies to single values; " + key + " is a " + type.word() + use);
    }
    if (!r.in().isEmpty()) {
      throw new InvalidRequirementException(
          "in", "in applies to single values; " + key + " is a " + type.word() + use);
    }
    if (!r.includes().isEmpty()) {
      List<String> wanted = List.copyOf(r.includes());
      for (String name : wanted) {
        if (name.isBlank()) {
          throw new InvalidRequirementException(
              "includes", "includes on " + key + " has an empty name; expected names such as avx2");
        }
      }
      words.add("includes " + String.join(", ", wanted));
      clauses.add(
          (fact, shown) -> {
            Collection<String> have =
                fact instanceof Fact.Set s ? s.values() : ((Fact.Sequence) fact).values();
            List<String> missing = null;
            for (String name : wanted) {
              if (!have.contains(name)) {
                missing = missing == null ? new ArrayList<>() : missing;
                missing.add(name);
              }
            }
            return missing == null ? null : key + " lacks " + String.join(", ", missing);
          });
    }
  }

  private void notOrdered(FactType type) {
    notFor(type, "min", requirement.min().isPresent(), "quantities, numbers and versions");
    notFor(type, "max", requirement.max().isPresent(), "quantities, numbers and versions");
    notFor(type, "range", requirement.range().isPresent(), "versions");
  }

  private void notFor(FactType type, String field, boolean used, String appliesTo) {
    if (used) {
      throw new InvalidRequirementException(
          field, field + " applies to " + appliesTo + "; " + key + " is a " + type.word());
    }
  }

  /** One operator, prepared for one fact type. */
  @FunctionalInterface
  interface Clause {
    /** Null when met; otherwise one sentence saying what is wrong. */
    String unmet(Fact fact, String shown);
  }

  record Prepared(Clause[] clauses, String required, Optional<Value> value) {}

  /** The single comparisons equals, min and max become. */
  private enum Operator {
    EQUAL("=="),
    AT_LEAST(">="),
    AT_MOST("<=");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }
}
