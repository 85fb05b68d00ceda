package dev.sextant.core.compat;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Quantities;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a finding required or observed as a typed value, for scripts that read plans: the prose of
 * {@link Finding} is for people, and a script should not have to parse {@code "rank 9 of 914"}.
 */
public sealed interface Value {

  /** The type's name in a plan's JSON: version, specifiers, quantity, count or wheelTag. */
  String type();

  /**
   * A fact as a typed value, where it is one: a version or an amount of bytes. Numbers, sets,
   * lists, text and flags are left to the finding's words.
   */
  static Optional<Value> of(Fact fact) {
    if (fact instanceof Fact.Version v) {
      return Optional.of(new Version(v.value()));
    }
    if (fact instanceof Fact.Quantity q && q.unit().equals("bytes")) {
      return Optional.of(Quantity.of(q.amount()));
    }
    return Optional.empty();
  }

  /** A dotted version, such as a CUDA release or a kernel's upstream version. */
  record Version(String value) implements Value {
    public Version {
      Objects.requireNonNull(value, "value");
    }

    public String type() {
      return "version";
    }
  }

  /** A version range as written, such as PEP 440's {@code >=3.10,<3.13}. */
  record Specifiers(String value) implements Value {
    public Specifiers {
      Objects.requireNonNull(value, "value");
    }

    public String type() {
      return "specifiers";
    }
  }

  /**
   * An amount of bytes, exact, with the text people read it as.
   *
   * @param text as the release author wrote it ({@code 80 GB}), or for an amount read from a
   *     fingerprint, its shortest exact form ({@link Quantities#format})
   */
  record Quantity(BigDecimal bytes, String text) implements Value {
    public Quantity {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(text, "text");
    }

    /** An amount with no written form, shown in its shortest exact form. */
    public static Quantity of(BigDecimal bytes) {
      return new Quantity(bytes, Quantities.format(bytes));
    }

    public String type() {
      return "quantity";
    }
  }

  /** A whole number of things, such as GPUs. */
  record Count(long value) implements Value {
    public String type() {
      return "count";
    }
  }

  /**
   * The wheel tag pip would install by, and where it stands in the environment's {@code
   * python.tags}.
   *
   * @param rank 1 for the environment's most preferred tag
   * @param of how many tags the environment lists
   */
  record WheelTag(String tag, int rank, int of) implements Value {
    public WheelTag {
      Objects.requireNonNull(tag, "tag");
    }

    public String type() {
      return "wheelTag";
    }
  }
}
