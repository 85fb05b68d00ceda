package dev.sextant.agent.kubernetes;

import java.util.Optional;

/**
 * The {@code nvidia.com/gpu.product} label taken apart. GFD builds it from the NVML device name
 * with spaces turned into dashes ({@code NVIDIA H100 80GB HBM3} → {@code NVIDIA-H100-80GB-HBM3}),
 * then appends {@code -MIG-<profile>} when the MIG "single" strategy exposes MIG devices as {@code
 * nvidia.com/gpu}, and {@code -SHARED} when time-slicing or MPS replicates the resource without
 * renaming it ({@code productLabel} in k8s-device-plugin's {@code internal/lm/resource.go}).
 *
 * @param model the GPU's model, without the MIG and sharing suffixes
 * @param migProfile the MIG profile each advertised device is, such as {@code 1g.5gb}; {@code
 *     INVALID} when GFD found the single strategy misconfigured
 * @param shared whether the product carried the {@code -SHARED} suffix
 */
record GpuProduct(String model, Optional<String> migProfile, boolean shared) {
  private static final String SHARED = "-SHARED";
  private static final String MIG = "-MIG-";

  static GpuProduct parse(String label) {
    String rest = label;
    boolean shared = rest.endsWith(SHARED);
    if (shared) {
      rest = rest.substring(0, rest.length() - SHARED.length());
    }
    int mig = rest.lastIndexOf(MIG);
    if (mig > 0 && mig + MIG.length() < rest.length()) {
      return new GpuProduct(
          rest.substring(0, mig), Optional.of(rest.substring(mig + MIG.length())), shared);
    }
    return new GpuProduct(rest, Optional.empty(), shared);
  }
}
