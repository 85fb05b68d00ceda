package dev.sextant.agent.probe;

import dev.sextant.agent.probe.python.PythonProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * The probes a host fingerprint is made of, in the order their facts are merged.
 *
 * <pre>{@code
 * Discovery found = StandardProbes.discoverThisHost(checks);
 * }</pre>
 */
public final class StandardProbes {
  private StandardProbes() {}

  /** Runs every standard probe on this host. */
  public static Discovery discoverThisHost(List<ReachCheck> checks) {
    return new ProbeRunner().run(forHost(checks), LocalHost.create());
  }

  /** Every standard probe; the network probe only when there are checks to run. */
  public static List<Probe> forHost(List<ReachCheck> checks) {
    List<Probe> probes = new ArrayList<>();
    probes.add(new PlatformProbe());
    probes.add(new GpuProbe());
    probes.add(new LibcProbe());
    probes.add(new JavaProbe());
    probes.add(new PackagesProbe());
    probes.add(new PythonProbe());
    if (!checks.isEmpty()) {
      probes.add(new NetworkReachProbe(checks));
    }
    return List.copyOf(probes);
  }
}
