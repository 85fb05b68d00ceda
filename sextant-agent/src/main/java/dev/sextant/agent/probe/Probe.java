package dev.sextant.agent.probe;

/**
 * One source of facts about a host (its platform, its GPUs, its libc, …).
 *
 * <p>A probe reads the outside world only through its context. It may throw or hang: the {@link
 * ProbeRunner} turns either into a warning naming it. A tool that is simply absent is not a
 * failure: the probe returns no facts for it, with a note.
 */
public interface Probe {
  /** A short lower-case name, used in warnings and timings: {@code platform}, {@code gpu}, … */
  String name();

  /** The facts this probe sees now, with warnings and notes. */
  ProbeResult probe(ProbeContext context);
}
