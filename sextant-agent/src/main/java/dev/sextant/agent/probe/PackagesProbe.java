package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Installed OS packages as {@code packages.<name>} version facts (the dependencies layer), from
 * dpkg where it is present, else rpm. Only installed packages count: dpkg also remembers removed
 * ones whose configuration files remain. A name installed in several versions (rpm keeps several
 * kernels) gives the highest.
 *
 * <p>Bounded twice: the command's output by the runner's cap, and the number of facts by {@link
 * #MAX_PACKAGES}; either bound being reached is a warning, with the facts read until then.
 */
public final class PackagesProbe implements Probe {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final int MAX_PACKAGES = 20_000;

  // dpkg-query and rpm expand \t and \n in their formats themselves; no shell is involved.
  static final List<String> DPKG =
      List.of("dpkg-query", "-W", "--showformat=${Status}\\t${Package}\\t${Version}\\n");
  static final List<String> RPM =
      List.of("rpm", "-qa", "--queryformat", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n");

  @Override
  public String name() {
    return "packages";
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    ProbeResult.Builder out = ProbeResult.builder();
    CommandResult dpkg = context.run(TIMEOUT, DPKG);
    if (!dpkg.notFoundOrCannotStart()) {
      return read("dpkg-query", dpkg, PackagesProbe::dpkgLine, out);
    }
    CommandResult rpm = context.run(TIMEOUT, RPM);
    if (!rpm.notFoundOrCannotStart()) {
      return read("rpm", rpm, PackagesProbe::rpmLine, out);
    }
    return out.note("neither dpkg-query nor rpm found: no package facts").build();
  }

  private interface LineReader {
    /** {name, version}, or null for a line that is no installed package. */
    String[] read(String line);
  }

  private static ProbeResult read(
      String tool, CommandResult result, LineReader lines, ProbeResult.Builder out) {
    if (!result.succeeded()) {
      return out.warning(tool + " " + result.describe() + "; no package facts").build();
    }
    Map<String, String> versions = new TreeMap<>();
    String[] all = result.stdout().split("\n");
    // A line cut by the output cap is incomplete; it is left out rather than misread.
    int complete = result.truncated() ? all.length - 1 : all.length;
    for (int i = 0; i < complete; i++) {
      String[] pkg = lines.read(all[i]);
      if (pkg != null) {
        versions.merge(pkg[0], pkg[1], (a, b) -> VersionOrder.compare(a, b) >= 0 ? a : b);
      }
    }
    if (result.truncated()) {
      out.warning(tool + " output passed the size limit; the package list is incomplete");
    }
    if (versions.size() > MAX_PACKAGES) {
      out.warning(
          versions.size() + " packages; only the first " + MAX_PACKAGES + " by name are facts");
    }
    versions.entrySet().stream()
        .limit(MAX_PACKAGES)
        .forEach(e -> out.fact("packages." + e.getKey(), new Fact.Version(e.getValue())));
    return out.build();
  }

  /** {@code install ok installed<TAB>bash<TAB>5.2.15-2+b2}; "hold ok installed" counts too. */
  static String[] dpkgLine(String line) {
    String[] f = line.split("\t");
    if (f.length != 3 || !f[0].endsWith(" installed") || f[1].isBlank() || f[2].isBlank()) {
      return null;
    }
    return new String[] {f[1].strip(), f[2].strip()};
  }

  /** {@code bash<TAB>5.1.8-9.el9}; the keys rpm lists as gpg-pubkey packages are no software. */
  static String[] rpmLine(String line) {
    String[] f = line.split("\t");
    if (f.length != 2 || f[0].isBlank() || f[0].equals("gpg-pubkey") || f[1].isBlank()) {
      return null;
    }
    return new String[] {f[0].strip(), f[1].strip()};
  }
}
