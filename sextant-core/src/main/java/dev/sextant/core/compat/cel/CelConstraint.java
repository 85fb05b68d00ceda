package dev.sextant.core.compat.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelErrorCode;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A requirement written in CEL ({@code cel: versionAtLeast(facts["cuda.driver.max"], "12.4")}),
 * compiled once and evaluated against any number of fingerprints.
 *
 * <p>The expression sees the variables of {@link CelFacts}: {@code facts}, a map from every fact
 * key to its value, and {@code value}, the requirement's own {@code fact}. When the requirement
 * names a {@code fact} that the fingerprint lacks, the requirement is not met and the expression is
 * not evaluated: {@code value} has nothing to hold. It must give a {@code bool}; an expression
 * whose type is only known when it runs ({@code facts["network.reach.db"]}) is checked then.
 *
 * <p>The finding names the facts the expression reads, found (best effort) from the {@code
 * facts["..."]} literals in its text, after the requirement's own fact. Whatever goes wrong while
 * evaluating (an absent fact, a type mismatch, a division by zero) makes the requirement not met,
 * with the error in words, and never throws: one bad fingerprint must not stop a plan.
 *
 * <p>Thread-safe: a compiled CEL program is immutable, and each evaluation has its own variables.
 */
public final class CelConstraint implements Constraint {
  private static final Cel CEL = CelFacts.builder().build();
  private static final Pattern FACT_KEY =
      Pattern.compile("facts\\s*\\[\\s*(?:\"([^\"\\\\]*)\"|'([^'\\\\]*)')\\s*\\]");
  private static final Pattern QUANTITY_LITERAL =
      Pattern.compile("\\bquantity\\s*\\(\\s*(?:\"([^\"\\\\]*)\"|'([^'\\\\]*)')\\s*\\)");

  /**
   * How cel-java words a map lookup that finds nothing: {@code key 'gpu' is not present in map.}
   */
  private static final Pattern MISSING_KEY = Pattern.compile("key '(.*)' is not present");

  private static final Pattern CEL_POSITION =
      Pattern.compile("^evaluation error at <input>:(\\d+): ");

  private final String expression;
  private final Optional<String> fact;
  private final List<String> keys;
  private final CelRuntime.Program program;

  private CelConstraint(
      String expression, Optional<String> fact, List<String> keys, CelRuntime.Program program) {
    this.expression = expression;
    this.fact = fact;
    this.keys = keys;
    this.program = program;
  }

  /**
   * Compiles the requirement's {@code cel} expression.
   *
   * @throws InvalidRequirementException (field {@code cel}) when there is no expression, it does
   *     not compile (the message names the column), it gives something other than a bool, or it
   *     calls {@code quantity} with text that is not an amount of bytes
   */
  public static Constraint prepare(Requirement requirement) {
    String expression =
        requirement
            .cel()
            .map(String::strip)
            .filter(text -> !text.isEmpty())
            .orElseThrow(
                () ->
                    new InvalidRequirementException(
                        "cel", "the requirement has no CEL expression in cel"));
    CelValidationResult compiled = CEL.compile(expression);
    if (compiled.hasError()) {
      throw new InvalidRequirementException(
          "cel",
          "CEL expression "
              + quoted(expression)
              + " does not compile: "
              + describe(compiled.getErrors()));
    }
    CelAbstractSyntaxTree ast;
    CelRuntime.Program program;
    try {
      ast = compiled.getAst();
      program = CEL.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new InvalidRequirementException(
          "cel", "CEL expression " + quoted(expression) + " cannot be prepared: " + e.getMessage());
    }
    CelType type = ast.getResultType();
    if (!type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
      throw new InvalidRequirementException(
          "cel",
          "CEL expression "
              + quoted(expression)
              + " gives "
              + type.name()
              + "; a requirement must give a bool (true when it is met)");
    }
    checkQuantities(expression);
    Optional<String> fact = requirement.fact();
    return new CelConstraint(expression, fact, keys(expression, fact), program);
  }

  @Override
  public Finding evaluate(Fingerprint fingerprint) {
    String required = "CEL: " + expression;
    String observed = observed(fingerprint);
    if (fact.isPresent() && fingerprint.fact(fact.get()).isEmpty()) {
      return Finding.notMet(
          keys,
          required,
          observed,
          "Fact " + fact.get() + " is absent, so the expression was not evaluated.");
    }
    Object result;
    try {
      result = program.eval(CelFacts.activation(fingerprint, fact));
    } catch (CelEvaluationException e) {
      return Finding.notMet(keys, required, observed, whyNotEvaluated(e, fingerprint));
    }
    if (result instanceof Boolean met) {
      return met
          ? Finding.met(keys, required, observed, "The expression is true for these facts.")
          : Finding.notMet(keys, required, observed, "the expression is false for these facts");
    }
    return Finding.notMet(
        keys,
        required,
        observed,
        "The expression gave " + result + ", not true or false, so the requirement is not met.");
  }

  /**
   * A missing key is most often a named fact the host lacks: say which, rather than CEL's terse
   * key.
   */
  private String whyNotEvaluated(CelEvaluationException e, Fingerprint fingerprint) {
    List<String> absent = keys.stream().filter(key -> fingerprint.fact(key).isEmpty()).toList();
    if (e.getErrorCode() != CelErrorCode.ATTRIBUTE_NOT_FOUND || absent.isEmpty()) {
      return "The expression cannot be evaluated: " + inWords(e) + ".";
    }
    return (absent.size() == 1
            ? "Fact " + absent.get(0) + " is absent"
            : "Facts " + String.join(", ", absent) + " are absent")
        + ", so the expression cannot be evaluated.";
  }

  /** Each named fact as {@code key=value}; just {@code absent} when none of them is there. */
  private String observed(Fingerprint fingerprint) {
    if (keys.isEmpty()) {
      return "not shown: the expression names no fact as facts[\"...\"]";
    }
    if (keys.stream().allMatch(key -> fingerprint.fact(key).isEmpty())) {
      return Finding.ABSENT;
    }
    return keys.stream()
        .map(key -> key + "=" + fingerprint.fact(key).map(Fact::display).orElse(Finding.ABSENT))
        .collect(Collectors.joining(", "));
  }

  private static List<String> keys(String expression, Optional<String> fact) {
    Set<String> keys = new LinkedHashSet<>();
    fact.ifPresent(keys::add);
    Matcher m = FACT_KEY.matcher(expression);
    while (m.find()) {
      keys.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return List.copyOf(keys);
  }

  /** A bad literal such as {@code quantity("16Gb")} would fail on every host: say so now. */
  private static void checkQuantities(String expression) {
    Matcher m = QUANTITY_LITERAL.matcher(expression);
    while (m.find()) {
      int group = m.group(1) != null ? 1 : 2;
      try {
        Quantities.parse(m.group(group));
      } catch (IllegalArgumentException e) {
        int column = m.start(group) + 1;
        throw new InvalidRequirementException(
            "cel",
            "CEL expression "
                + quoted(expression)
                + " at column "
                + column
                + ": "
                + e.getMessage());
      }
    }
  }

  public static String describe(List<CelIssue> issues) {
    List<String> out = new ArrayList<>();
    for (CelIssue issue : issues) {
      CelSourceLocation at = issue.getSourceLocation();
      // CEL counts columns from 0; people and editors count from 1.
      String column = "column " + (at.getColumn() + 1);
      out.add(
          (at.getLine() > 1 ? "line " + at.getLine() + ", " + column : column)
              + ": "
              + issue.getMessage());
    }
    return String.join("; ", out);
  }

  /** CEL's message with its character offset counted from 1, as columns are. */
  private static String inWords(CelEvaluationException e) {
    String message = e.getMessage();
    Matcher m = CEL_POSITION.matcher(message);
    if (!m.find()) {
      return message;
    }
    String rest = message.substring(m.end());
    String where = "at character " + (Integer.parseInt(m.group(1)) + 1);
    Matcher missing = MISSING_KEY.matcher(rest);
    return e.getErrorCode() == CelErrorCode.ATTRIBUTE_NOT_FOUND && missing.find()
        ? where + ", no fact " + quoted(missing.group(1))
        : where + ", " + rest;
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }
}
