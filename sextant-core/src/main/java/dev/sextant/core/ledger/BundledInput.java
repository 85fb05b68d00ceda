package dev.sextant.core.ledger;

import dev.sextant.core.digest.Digest;
import java.util.Comparator;
import java.util.Objects;

/** An input an evidence bundle's entries name (a plan, a release revision, a fingerprint…). */
public record BundledInput(String name, Digest digest) implements Comparable<BundledInput> {
  private static final Comparator<BundledInput> ORDER =
      Comparator.comparing(BundledInput::name).thenComparing(i -> i.digest().value());

  public BundledInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(digest, "digest");
  }

  @Override
  public int compareTo(BundledInput other) {
    return ORDER.compare(this, other);
  }
}
