package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.core.resource.Kind;
import java.util.Objects;
import java.util.stream.Stream;

/** How a release is rolled out: one {@link Method} and what an abort does. */
public record StrategySpec(String description, Method method, Abort abort) implements Spec {

  public StrategySpec {
    description = Defaults.text(description);
    Objects.requireNonNull(method, "method");
    abort = abort == null ? Abort.DEFAULT : abort;
  }

  /**
   * The document names its method by key ({@code canary:}, {@code blueGreen:}, {@code rolling:}).
   */
  @JsonCreator
  static StrategySpec fromDocument(
      @JsonProperty("description") String description,
      @JsonProperty("canary") Method.Canary canary,
      @JsonProperty("blueGreen") Method.BlueGreen blueGreen,
      @JsonProperty("rolling") Method.Rolling rolling,
      @JsonProperty("abort") Abort abort) {
    var methods = Stream.of(canary, blueGreen, rolling).filter(Objects::nonNull).toList();
    if (methods.size() != 1) {
      throw new IllegalArgumentException(
          "a strategy has exactly one of canary, blueGreen or rolling, found " + methods.size());
    }
    return new StrategySpec(description, methods.get(0), abort);
  }

  @Override
  public Kind kind() {
    return Kind.STRATEGY;
  }
}
