package dev.sextant.core.resource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector ({@code tier=prod,region in (eu-west,eu-central),!deprecated}): a
 * list of requirements that must all hold. The empty selector matches everything.
 */
public record LabelSelector(List<LabelRequirement> requirements) {
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public LabelSelector {
    requirements = List.copyOf(requirements);
  }

  /**
   * Parses the Kubernetes syntax: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)},
   * {@code k notin (a,b)}, {@code k}, {@code !k}, joined by commas. Blank text selects everything.
   *
   * @throws InvalidSelectorException naming the position and what was expected, when the text is
   *     not a selector or a key or value breaks the Kubernetes label rules
   */
  public static LabelSelector parse(String text) {
    return new LabelSelectorParser(text).parse();
  }

  public boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  public boolean selectsEverything() {
    return requirements.isEmpty();
  }

  /** The selector in its own syntax; parsing it gives an equal selector. */
  @Override
  public String toString() {
    return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
  }
}
