package dev.sextant.agent.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of {@code /proc/cpuinfo} a fingerprint needs. x86 states its vendor and model name in
 * words and its features under {@code flags}; aarch64 states numeric implementer and part codes and
 * its features under {@code Features}, so those codes are named from {@link ArmCpus}.
 */
record CpuInfo(Optional<String> vendor, Optional<String> model, Set<String> flags, int processors) {

  static CpuInfo parse(String text) {
    List<Map<String, String>> blocks = blocks(text);
    Map<String, String> first =
        blocks.stream()
            .filter(b -> b.containsKey("processor"))
            .findFirst()
            .orElse(blocks.isEmpty() ? Map.of() : blocks.get(0));
    int processors = (int) blocks.stream().filter(b -> b.containsKey("processor")).count();

    Optional<String> vendor = value(first, "vendor_id");
    Optional<String> model = value(first, "model name");
    Optional<String> implementer = value(first, "CPU implementer");
    if (implementer.isPresent()) {
      Optional<String> part = value(first, "CPU part");
      vendor = vendor.or(() -> ArmCpus.vendor(implementer.get()));
      model = model.or(() -> part.flatMap(p -> ArmCpus.model(implementer.get(), p)));
    }
    String features = value(first, "flags").or(() -> value(first, "Features")).orElse("");
    Set<String> flags = new TreeSet<>();
    for (String flag : features.split("\\s+")) {
      if (!flag.isEmpty()) {
        flags.add(flag.toLowerCase(Locale.ROOT));
      }
    }
    return new CpuInfo(vendor, model, flags, processors);
  }

  /** Blank-line separated blocks of {@code key : value} lines; keys keep their inner spaces. */
  private static List<Map<String, String>> blocks(String text) {
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> block = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          blocks.add(block);
          block = new LinkedHashMap<>();
        }
      } else if (colon > 0) {
        block.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }
    return blocks;
  }

  /** A value with runs of spaces made one (model names are padded on some CPUs). */
  private static Optional<String> value(Map<String, String> block, String key) {
    return Optional.ofNullable(block.get(key))
        .map(v -> v.replaceAll("\\s+", " ").strip())
        .filter(v -> !v.isEmpty());
  }
}
