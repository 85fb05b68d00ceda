package dev.sextant.core.compat;

import dev.sextant.core.validation.DidYouMean;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The validators a plan may use, by rule name: the built-in ones and any plug-ins on the class
 * path, all found through {@link ServiceLoader}.
 */
public final class Validators {
  private final SortedMap<String, Validator> byRule;

  private Validators(SortedMap<String, Validator> byRule) {
    this.byRule = Collections.unmodifiableSortedMap(byRule);
  }

  /** The validators registered with {@link ServiceLoader} in {@code loader}'s class path. */
  public static Validators load(ClassLoader loader) {
    return of(
        ServiceLoader.load(Validator.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  /** The validators that come with Sextant and any on its own class path. */
  public static Validators standard() {
    return load(Validators.class.getClassLoader());
  }

  /**
   * Exactly these validators.
   *
   * @throws IllegalStateException when two claim the same rule name: which one a plan used would
   *     otherwise depend on class path order
   */
  public static Validators of(Collection<? extends Validator> validators) {
    SortedMap<String, Validator> byRule = new TreeMap<>();
    for (Validator validator : validators) {
      Validator earlier = byRule.putIfAbsent(validator.rule(), validator);
      if (earlier != null) {
        throw new IllegalStateException(
            "two validators claim rule \""
                + validator.rule()
                + "\": "
                + earlier.getClass().getName()
                + " and "
                + validator.getClass().getName()
                + "; remove one of the plug-ins");
      }
    }
    return new Validators(byRule);
  }

  public Optional<Validator> find(String rule) {
    return Optional.ofNullable(byRule.get(rule));
  }

  /**
   * The validator for {@code rule}.
   *
   * @throws InvalidRequirementException naming the known rules when there is none
   */
  public Validator get(String rule) {
    return find(rule)
        .orElseThrow(
            () ->
                new InvalidRequirementException(
                    "rule",
                    "no validator for rule \""
                        + rule
                        + "\"; known rules: "
                        + String.join(", ", byRule.keySet())
                        + DidYouMean.hint(rule, byRule.keySet())));
  }

  /** Every validator, by rule name. */
  public Collection<Validator> all() {
    return byRule.values();
  }
}
