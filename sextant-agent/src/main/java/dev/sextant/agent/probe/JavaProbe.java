package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;

/**
 * The Java runtime: {@code java.version} ({@code 17.0.15}) and {@code java.vendor}.
 *
 * <p>These are the running JVM's, the one the agent itself runs on, not those of whatever {@code
 * java} is first on the PATH: reading them costs nothing, while {@code java -version} starts a
 * second JVM (tens to hundreds of milliseconds) and describes a runtime no Sextant process uses. A
 * host that runs applications on another runtime states it as a declared fact.
 */
public final class JavaProbe implements Probe {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    ProbeResult.Builder out = ProbeResult.builder();
    // java.version is the plain feature.interim.update form; Runtime.version() adds the build.
    context
        .systemProperty("java.version")
        .ifPresent(v -> out.fact("java.version", new Fact.Version(v)));
    context.systemProperty("java.vendor").ifPresent(v -> out.fact("java.vendor", new Fact.Text(v)));
    return out.build();
  }
}
