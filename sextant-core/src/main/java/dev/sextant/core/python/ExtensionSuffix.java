package dev.sextant.core.python;

import java.util.List;

/**
 * The ABI tag of interpreters other than CPython, read from {@code EXT_SUFFIX} as packaging's
 * {@code _generic_abi} does, keeping the ABI part and dropping the platform part.
 */
public final class ExtensionSuffix {
  private ExtensionSuffix() {}

  /**
   * {@code .pypy310-pp73-x86_64-linux-gnu.so} gives {@code pypy310_pp73}; {@code
   * .graalpy-38-native-x86_64-darwin.dylib} gives {@code graalpy_38_native}; {@code
   * .cpython-311-x86_64-linux-gnu.so} gives {@code cp311}; {@code .cp311-win_amd64.pyd} gives
   * {@code cp311}. A bare {@code .pyd} (CPython 3.7 and earlier on Windows) falls back to the
   * CPython rules; a missing or malformed suffix gives no ABI (packaging raises there; a probe must
   * not).
   */
  public static List<String> abis(String extSuffix, PythonVersion version, BuildConfig build) {
    if (extSuffix == null || !extSuffix.startsWith(".")) {
      return List.of();
    }
    String[] parts = extSuffix.split("\\.", -1);
    if (parts.length < 3) {
      return build.abis(version);
    }
    String soabi = parts[1];
    String abi;
    if (soabi.startsWith("cpython")) {
      abi = "cp" + field(soabi, 1);
    } else if (soabi.startsWith("cp")) {
      abi = field(soabi, 0);
    } else if (soabi.startsWith("pypy")) {
      abi = firstFields(soabi, 2);
    } else if (soabi.startsWith("graalpy")) {
      abi = firstFields(soabi, 3);
    } else if (!soabi.isEmpty()) {
      abi = soabi;
    } else {
      return List.of();
    }
    return List.of(Names.normalize(abi));
  }

  private static String field(String soabi, int index) {
    String[] fields = soabi.split("-", -1);
    return index < fields.length ? fields[index] : "";
  }

  private static String firstFields(String soabi, int count) {
    String[] fields = soabi.split("-", -1);
    return String.join(
        "-", java.util.Arrays.asList(fields).subList(0, Math.min(count, fields.length)));
  }
}
