/**
 * Discovery probes: what this host is, read from files, tools and OSHI, as typed facts.
 *
 * <p>A {@link dev.sextant.agent.probe.Probe} reads the outside world only through a {@link
 * dev.sextant.agent.probe.ProbeContext}, so tests drive every probe with recorded outputs of real
 * hosts. The {@link dev.sextant.agent.probe.ProbeRunner} runs probes side by side, each bounded in
 * time; a missing tool is a missing fact and a failing or hanging probe is a warning, never a
 * crash. {@link dev.sextant.agent.probe.StandardProbes} is the list a host fingerprint is made of.
 */
package dev.sextant.agent.probe;
