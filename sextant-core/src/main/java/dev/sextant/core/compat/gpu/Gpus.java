package dev.sextant.core.compat.gpu;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The GPUs a fingerprint describes ({@code gpu[i].*}) and how many it says there are ({@code
 * gpu.count}). The two can differ: a hand-written fingerprint of an 8-GPU host often describes only
 * {@code gpu[0]}, and a validator must say so rather than guess about the rest.
 *
 * @param count {@code gpu.count}, when present
 * @param described the GPUs with at least one {@code gpu[i].*} fact, by index
 */
public record Gpus(Optional<Integer> count, List<Gpu> described) {
  public static final String COUNT = "gpu.count";

  /** The per-GPU facts read, in the order {@link #of} keeps them. */
  private static final String[] FIELDS = {"model", "compute_capability", "memory"};

  public Gpus {
    described = List.copyOf(described);
  }

  /**
   * One GPU as described.
   *
   * @param index nvidia-smi's index, as in {@code gpu[3]}
   */
  public record Gpu(
      int index,
      Optional<String> model,
      Optional<String> computeCapability,
      Optional<BigDecimal> memory) {
    public String name() {
      return "gpu[" + index + "]";
    }

    public String key(String field) {
      return name() + "." + field;
    }
  }

  public static Gpus of(Fingerprint fingerprint) {
    Optional<Integer> count =
        fingerprint
            .fact(COUNT)
            .filter(Fact.Number.class::isInstance)
            .map(f -> ((Fact.Number) f).value().intValue());
    // One pass over the gpu[…] keys only: a sorted range, not a scan of every fact ('\\' sorts
    // right after '['), and no key built per lookup; this runs once per GPU rule per environment.
    SortedMap<Integer, Fact[]> described = new TreeMap<>();
    for (Map.Entry<String, Fact> entry : fingerprint.facts().subMap("gpu[", "gpu\\").entrySet()) {
      String key = entry.getKey();
      int index = index(key);
      if (index < 0) {
        continue;
      }
      Fact[] fields = described.computeIfAbsent(index, i -> new Fact[FIELDS.length]);
      int from = key.indexOf(']') + 2;
      for (int f = 0; f < FIELDS.length; f++) {
        if (key.length() - from == FIELDS[f].length() && key.startsWith(FIELDS[f], from)) {
          fields[f] = entry.getValue();
        }
      }
    }
    List<Gpu> gpus = new ArrayList<>(described.size());
    described.forEach(
        (i, fields) ->
            gpus.add(
                new Gpu(
                    i,
                    Optional.ofNullable(fields[0]).map(Fact::display),
                    Optional.ofNullable(fields[1])
                        .filter(f -> f instanceof Fact.Version || f instanceof Fact.Text)
                        .map(Fact::display),
                    Optional.ofNullable(fields[2])
                        .filter(f -> f instanceof Fact.Quantity q && q.unit().equals("bytes"))
                        .map(f -> ((Fact.Quantity) f).amount()))));
    return new Gpus(count, gpus);
  }

  /** The i of a {@code gpu[i].field} key, or -1 for any other key. */
  private static int index(String key) {
    int close = key.indexOf(']', 4);
    if (close < 5 || close > 9 || close + 2 >= key.length() || key.charAt(close + 1) != '.') {
      return -1;
    }
    int index = 0;
    for (int i = 4; i < close; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      index = index * 10 + (c - '0');
    }
    return index;
  }

  /** The number of GPUs: {@code gpu.count}, or the number described when it is absent. */
  public int total() {
    return count.orElse(described.size());
  }

  public boolean none() {
    return total() == 0 && described.isEmpty();
  }

  /** Why there is nothing to check, for a finding's reason when {@link #none()}. */
  public String noneReason() {
    return count.isPresent()
        ? "the host has no GPUs (gpu.count is " + count.get() + ")"
        : "the fingerprint describes no GPU (neither gpu.count nor any gpu[i] fact)";
  }

  /**
   * A caveat when {@code gpu.count} says more GPUs than are described: what was checked is only
   * what was described.
   */
  public Optional<String> undescribed() {
    if (count.isEmpty() || count.get() <= described.size()) {
      return Optional.empty();
    }
    int rest = count.get() - described.size();
    String which =
        described.isEmpty()
            ? "none is described"
            : "only "
                + String.join(", ", described.stream().map(Gpu::name).toList())
                + (described.size() == 1 ? " is" : " are")
                + " described";
    return Optional.of(
        "gpu.count says "
            + count.get()
            + " but "
            + which
            + "; the other "
            + rest
            + " were not checked");
  }
}
