package dev.sextant.core.python;

import java.util.ArrayList;
import java.util.List;

/**
 * The CPython build settings that shape its ABI tag (PEP 3149 flags), as {@code sysconfig} reports
 * them. A {@code null} config variable means unset, which packaging treats differently from 0.
 *
 * @param pyDebug {@code Py_DEBUG}: a debug build ({@code d})
 * @param gilDisabled {@code Py_GIL_DISABLED}: a free-threaded build ({@code t}, PEP 703)
 * @param withPymalloc {@code WITH_PYMALLOC}: the {@code m} flag before 3.8
 * @param unicodeSize {@code Py_UNICODE_SIZE}: 4 gives the {@code u} flag before 3.3
 * @param maxUnicode {@code sys.maxunicode}, for {@code u} when {@code Py_UNICODE_SIZE} is unset
 * @param hasTotalRefcount {@code hasattr(sys, "gettotalrefcount")}: only debug builds have it
 * @param debugExtensionSuffix {@code "_d.pyd" in EXTENSION_SUFFIXES}: Windows debug builds
 */
public record BuildConfig(
    Integer pyDebug,
    Integer gilDisabled,
    Integer withPymalloc,
    Integer unicodeSize,
    long maxUnicode,
    boolean hasTotalRefcount,
    boolean debugExtensionSuffix) {
  private static final long MAX_UNICODE_WIDE = 0x10FFFF;

  /** An ordinary release build, as distributions ship. */
  public static BuildConfig release() {
    return new BuildConfig(0, 0, 1, null, MAX_UNICODE_WIDE, false, false);
  }

  /** A {@code --with-pydebug} build. */
  public static BuildConfig debug() {
    return new BuildConfig(1, 0, 1, null, MAX_UNICODE_WIDE, true, false);
  }

  /** A free-threaded ({@code --disable-gil}) build, 3.13 and later. */
  public static BuildConfig freeThreaded() {
    return new BuildConfig(0, 1, 1, null, MAX_UNICODE_WIDE, false, false);
  }

  /**
   * The ABI tags this build loads, best first, as packaging's {@code _cpython_abis}: {@code cp311};
   * {@code cp311d} then {@code cp311} for a debug build (it also loads release extension modules);
   * {@code cp37m} before 3.8; {@code cp313t} when free-threaded.
   */
  public List<String> abis(PythonVersion version) {
    String nodot = version.nodot();
    String debug = isDebug() ? "d" : "";
    String threading = version.atLeast(3, 13) && truthy(gilDisabled) ? "t" : "";
    String pymalloc = "";
    String ucs4 = "";
    List<String> abis = new ArrayList<>();
    if (!version.atLeast(3, 8)) {
      if (withPymalloc == null || truthy(withPymalloc)) {
        pymalloc = "m";
      }
      if (!version.atLeast(3, 3)
          && ((unicodeSize != null && unicodeSize == 4)
              || (unicodeSize == null && maxUnicode == MAX_UNICODE_WIDE))) {
        ucs4 = "u";
      }
    } else if (!debug.isEmpty()) {
      abis.add("cp" + nodot + threading);
    }
    abis.add(0, "cp" + nodot + threading + debug + pymalloc + ucs4);
    return List.copyOf(abis);
  }

  private boolean isDebug() {
    // Windows sets no Py_DEBUG; there the debug extension suffix is the best sign (pip #3383).
    return truthy(pyDebug) || (pyDebug == null && (hasTotalRefcount || debugExtensionSuffix));
  }

  private static boolean truthy(Integer value) {
    return value != null && value != 0;
  }
}
