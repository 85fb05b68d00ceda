package dev.sextant.core.compat.system;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.resource.spec.Requirement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: memory}: the host has at least an amount of memory. Source: {@code MemTotal} of
 * {@code /proc/meminfo}, proc(5) (https://man7.org/linux/man-pages/man5/proc_meminfo.5.html).
 *
 * <p>Arguments: {@code min} (required, such as {@code 16Gi}).
 */
public final class MemoryValidator implements Validator {
  static final String TOTAL = "memory.total";

  @Override
  public String rule() {
    return "memory";
  }

  @Override
  public String summary() {
    return "The host has at least an amount of memory";
  }

  @Override
  public String source() {
    return "/proc/meminfo MemTotal, https://man7.org/linux/man-pages/man5/proc_meminfo.5.html";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required(
            "min", "amount of bytes", "the least memory the host may have, such as 16Gi or 80 GB"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{min: 16Gi}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    Value.Quantity min = new Value.Quantity(args.bytes("min"), args.text("min"));
    return fingerprint -> evaluate(min, fingerprint);
  }

  /** A fact's amount in bytes, when it is a quantity of bytes. */
  static Optional<BigDecimal> bytes(Fingerprint fingerprint, String key) {
    return fingerprint
        .fact(key)
        .filter(f -> f instanceof Fact.Quantity q && q.unit().equals("bytes"))
        .map(f -> ((Fact.Quantity) f).amount());
  }

  private static Finding evaluate(Value.Quantity min, Fingerprint fingerprint) {
    String required = "memory ≥ " + min.text();
    Optional<BigDecimal> total = bytes(fingerprint, TOTAL);
    if (total.isEmpty()) {
      return Finding.notMet(
              List.of(TOTAL),
              required,
              Finding.ABSENT,
              "the host's memory is unknown (no memory.total)")
          .withRequired(min);
    }
    boolean met = total.get().compareTo(min.bytes()) >= 0;
    Value.Quantity has = Value.Quantity.of(total.get());
    return new Finding(
            met,
            List.of(TOTAL),
            required,
            has.text(),
            "the host has "
                + has.text()
                + (met ? ", at least " : ", less than ")
                + min.text()
                + (met
                    ? ""
                    : " (short by " + Quantities.format(min.bytes().subtract(total.get())) + ")"),
            List.of())
        .withRequired(min)
        .withObserved(has);
  }
}
