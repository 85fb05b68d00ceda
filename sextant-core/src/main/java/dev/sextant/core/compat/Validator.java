package dev.sextant.core.compat;

import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
import java.util.Optional;

/**
 * A rule of the field that a requirement can name ({@code rule: cuda}), such as NVIDIA's driver
 * table or the wheel tag rules of PEP 425.
 *
 * <p>Validators are found with {@link java.util.ServiceLoader}: a plug-in jar lists its classes in
 * {@code META-INF/services/dev.sextant.core.compat.Validator}. An implementation must have a public
 * no-argument constructor, be stateless and thread-safe, and do no I/O: it only reads the facts it
 * is given, so that the same inputs always give the same plan.
 */
public interface Validator {

  /** The name requirements use in {@code rule:}, such as {@code cuda}; unique among validators. */
  String rule();

  /** What the rule checks, in one line, for {@code --help} and plans. */
  String summary();

  /** Where the rule comes from (a specification or vendor document people can check). */
  String source();

  /**
   * The arguments {@link #prepare} reads from {@code with}, for {@code sextant plan --rules}. A
   * plug-in that does not override this lists none, which says nothing about what it accepts.
   */
  default List<Argument> arguments() {
    return List.of();
  }

  /**
   * A {@code with} mapping that {@link #prepare} accepts, in YAML's flow style, such as {@code
   * {toolkit: "12.4"}}: shown by {@code --rules}, and prepared by a test so that it stays true.
   */
  default Optional<String> example() {
    return Optional.empty();
  }

  /**
   * Reads and checks the requirement's arguments ({@code with}), once, before any environment.
   *
   * @throws InvalidRequirementException naming the argument that is wrong and what was expected
   */
  Constraint prepare(Requirement requirement);
}
