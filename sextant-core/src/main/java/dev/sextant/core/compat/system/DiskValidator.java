package dev.sextant.core.compat.system;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code rule: disk}: the filesystem holding a path is at least a size. Source: the filesystem's
 * size as statvfs(3) reports it (https://man7.org/linux/man-pages/man3/statvfs.3.html), which the
 * agent records per local mount as {@code disk.<mount>.total} ({@code disk.root.total} for {@code
 * /}, {@code disk.var.lib.total} for {@code /var/lib}).
 *
 * <p>Arguments: {@code min} (required, such as {@code 100Gi}); {@code path} (default {@code /}):
 * the filesystem is the deepest described mount that contains it, as the kernel resolves a path.
 *
 * <p>Fingerprints record size, not free space, because free space changes with every write and
 * would make each fingerprint differ; a finding says so.
 */
public final class DiskValidator implements Validator {
  @Override
  public String rule() {
    return "disk";
  }

  @Override
  public String summary() {
    return "The filesystem holding a path (default /) is at least a size";
  }

  @Override
  public String source() {
    return "statvfs(3) filesystem size, https://man7.org/linux/man-pages/man3/statvfs.3.html";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required(
            "min", "amount of bytes", "the smallest size of the filesystem, such as 100Gi"),
        Argument.optional(
            "path",
            "absolute path",
            "/",
            "a path on the filesystem; the deepest described mount holding it counts"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{min: 100Gi, path: /var/lib/models}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    Value.Quantity min = new Value.Quantity(args.bytes("min"), args.text("min"));
    String path = args.optionalText("path").orElse("/");
    if (!path.startsWith("/")) {
      throw args.invalid(
          "path", "is \"" + path + "\"; expected an absolute path such as /var/lib/models");
    }
    return fingerprint -> evaluate(min, path, fingerprint);
  }

  /**
   * The fact keys of the mounts that could hold {@code path}, deepest first: {@code /var/lib/x}
   * gives {@code disk.var.lib.x.total}, {@code disk.var.lib.total}, {@code disk.var.total}, {@code
   * disk.root.total}. Segments are spelt as the agent spells them.
   */
  static List<String> candidateKeys(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_"));
      }
    }
    List<String> keys = new ArrayList<>();
    for (int n = segments.size(); n > 0; n--) {
      keys.add("disk." + String.join(".", segments.subList(0, n)) + ".total");
    }
    keys.add("disk.root.total");
    return keys;
  }

  private static Finding evaluate(Value.Quantity min, String path, Fingerprint fingerprint) {
    String required = "filesystem holding " + path + " ≥ " + min.text();
    List<String> candidates = candidateKeys(path);
    Optional<String> key =
        candidates.stream()
            .filter(k -> MemoryValidator.bytes(fingerprint, k).isPresent())
            .findFirst();
    if (key.isEmpty()) {
      return Finding.notMet(
              candidates,
              required,
              Finding.ABSENT,
              "no filesystem holding "
                  + path
                  + " is described (none of "
                  + String.join(", ", candidates)
                  + ")")
          .withRequired(min);
    }
    BigDecimal size = MemoryValidator.bytes(fingerprint, key.get()).orElseThrow();
    boolean met = size.compareTo(min.bytes()) >= 0;
    Value.Quantity has = Value.Quantity.of(size);
    Finding finding =
        new Finding(
                met,
                List.of(key.get()),
                required,
                has.text() + " (" + key.get() + ")",
                "the filesystem holding "
                    + path
                    + " is "
                    + has.text()
                    + (met ? ", at least " : ", smaller than ")
                    + min.text(),
                List.of())
            .withRequired(min)
            .withObserved(has);
    return met
        ? finding.withCaveat(
            "the fingerprint records the filesystem's size, not its free space; free space is checked on the target, if at all")
        : finding;
  }
}
