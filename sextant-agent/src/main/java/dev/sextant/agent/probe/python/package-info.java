/**
 * Python discovery: which interpreter a host runs and which wheels it can install.
 *
 * <p>{@link dev.sextant.agent.probe.python.PythonProbe}, one of the {@link
 * dev.sextant.agent.probe.StandardProbes}, runs the interpreter once through its {@link
 * dev.sextant.agent.probe.ProbeContext} with a standard-library snippet ({@code interpreter.py})
 * that reports raw facts (version, build configuration, {@code sysconfig.get_platform()}, the glibc
 * version, the executable's ELF header and musl loader); {@link
 * dev.sextant.agent.probe.python.InterpreterReport} reads them into an interpreter, and core's
 * {@link dev.sextant.core.python.SupportedTags} computes its tags in Java, without any Python
 * package, as it does for fingerprints written by hand.
 */
package dev.sextant.agent.probe.python;
