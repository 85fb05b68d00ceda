package dev.sextant.core.python;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Python interpreter as wheel tags see it.
 *
 * @param implementation CPython, PyPy, …
 * @param version the language version it implements, to the minor
 * @param abis the ABI tags it loads, best first: {@code cp311}, or {@code cp311d} then {@code
 *     cp311} for a debug build (see {@link BuildConfig#abis}); {@code pypy310_pp73} for PyPy. The
 *     stable ABI ({@code abi3}) and {@code none} are not listed here: the tag rules add them.
 * @param platform where it runs
 */
public record Interpreter(
    Implementation implementation, PythonVersion version, List<String> abis, Platform platform) {
  private static final Pattern CPYTHON_ABI = Pattern.compile("cp\\d+(.*)");

  public Interpreter {
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(version, "version");
    abis = List.copyOf(abis);
    Objects.requireNonNull(platform, "platform");
  }

  /** A CPython release build. */
  public static Interpreter cpython(int major, int minor, Platform platform) {
    return cpython(major, minor, BuildConfig.release(), platform);
  }

  public static Interpreter cpython(int major, int minor, BuildConfig build, Platform platform) {
    PythonVersion version = new PythonVersion(major, minor);
    return new Interpreter(Implementation.CPYTHON, version, build.abis(version), platform);
  }

  /** The interpreter part of its own tags: {@code cp311}, {@code pp310}. */
  public String interpreterTag() {
    return implementation.shortName() + version.nodot();
  }

  /** Its preferred ABI tag, such as {@code cp311}; {@code none} when it reports none. */
  public String abi() {
    return abis.isEmpty() ? "none" : abis.get(0);
  }

  /**
   * A free-threaded CPython build (PEP 703): a {@code t} among the flags of its first ABI, as
   * packaging's {@code _is_threaded_cpython}.
   */
  public boolean isFreeThreaded() {
    if (abis.isEmpty()) {
      return false;
    }
    var m = CPYTHON_ABI.matcher(abis.get(0));
    return m.matches() && m.group(1).contains("t");
  }

  /**
   * CPython 3.2 and later loads stable-ABI ({@code abi3}, PEP 384) wheels, unless free-threaded.
   */
  public boolean supportsAbi3() {
    return implementation.isCpython() && version.atLeast(3, 2) && !isFreeThreaded();
  }

  /** A free-threaded CPython loads {@code abi3t} wheels instead (PEP 803). */
  public boolean supportsAbi3t() {
    return implementation.isCpython() && version.atLeast(3, 2) && isFreeThreaded();
  }
}
