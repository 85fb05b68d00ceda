package dev.sextant.agent.probe.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.python.BuildConfig;
import dev.sextant.core.python.ElfHeader;
import dev.sextant.core.python.ExtensionSuffix;
import dev.sextant.core.python.Implementation;
import dev.sextant.core.python.Interpreter;
import dev.sextant.core.python.Libc.Glibc;
import dev.sextant.core.python.Libc.Musl;
import dev.sextant.core.python.Os;
import dev.sextant.core.python.PlatformTags;
import dev.sextant.core.python.PythonVersion;
import dev.sextant.core.python.SupportedTags;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterpreterReportTest {
  /** Recorded with {@code generate_tag_fixtures.py} from real interpreters on a Debian 12 host. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "cpython-3.8.18",
        "cpython-3.9.18",
        "cpython-3.11.2",
        "cpython-3.11.7",
        "cpython-3.12.1",
        "cpython-3.13.0"
      })
  void recorded_reports_give_the_tags_packaging_listed_in_that_interpreter(String name) {
    Interpreter interpreter =
        InterpreterReport.parse(Fixtures.text("reports/" + name + ".txt"))
            .interpreter()
            .orElseThrow();
    assertThat(SupportedTags.computeStrings(interpreter))
        .containsExactlyElementsOf(Fixtures.tags("real-" + name));
  }

  @Test
  void debian_python_reads_as_cpython_3_11_on_x86_64_glibc_2_36() {
    var report = InterpreterReport.parse(Fixtures.text("reports/cpython-3.11.2.txt"));
    Interpreter interpreter = report.interpreter().orElseThrow();
    assertThat(report.fullVersion()).contains("3.11.2");
    assertThat(interpreter.implementation()).isEqualTo(Implementation.CPYTHON);
    assertThat(interpreter.version()).isEqualTo(new PythonVersion(3, 11));
    assertThat(interpreter.abis()).containsExactly("cp311");
    assertThat(interpreter.platform().os()).isEqualTo(Os.LINUX);
    assertThat(interpreter.platform().architecture()).isEqualTo("x86_64");
    assertThat(interpreter.platform().libc()).isEqualTo(new Glibc(2, 36));
    assertThat(interpreter.platform().executable()).contains(ElfHeader.lsb64(62));
  }

  @Test
  void a_32_bit_interpreter_on_an_x86_64_kernel_is_i686() {
    Interpreter interpreter = parse(linux("linux-x86_64", 32) + elf(1, 3, 0)).orElseThrow();
    assertThat(interpreter.platform().architecture()).isEqualTo("i686");
    assertThat(PlatformTags.of(interpreter.platform())).contains("manylinux1_i686");
  }

  @Test
  void a_32_bit_arm_interpreter_on_an_aarch64_kernel_is_armv8l() {
    Interpreter interpreter =
        parse(linux("linux-aarch64", 32) + elf(1, 40, 0x05000400L)).orElseThrow();
    assertThat(interpreter.platform().architecture()).isEqualTo("armv8l");
    assertThat(PlatformTags.of(interpreter.platform())).contains("manylinux2014_armv7l");
  }

  @Test
  void musl_version_comes_from_the_loader_banner() {
    String musl =
        "musl=musl libc (x86_64) | Version 1.2.4 | Dynamic Program Loader | Usage: ld-musl"
            + " [options] [--] pathname\n";
    Interpreter interpreter =
        parse(linux("linux-x86_64", 64).replace("glibc=2.36", "glibc=") + musl).orElseThrow();
    assertThat(interpreter.platform().libc()).isEqualTo(new Musl(1, 2));
  }

  @Test
  void glibc_with_a_vendor_suffix_keeps_major_and_minor() {
    assertThat(Glibc.parse("2.20-2014.11")).contains(new Glibc(2, 20));
    assertThat(Glibc.parse("unknown")).isEmpty();
  }

  @Test
  void loader_output_that_is_not_musl_gives_no_musl() {
    assertThat(Musl.parseLoaderOutput("ld.so (GNU libc)\nVersion 2.36")).isEmpty();
    assertThat(Musl.parseLoaderOutput("musl libc (aarch64)\nVersion 1.1.24\n"))
        .contains(new Musl(1, 1));
  }

  @Test
  void pypy_takes_its_abi_from_the_extension_suffix() {
    String pypy =
        base("pypy", 3, 10)
            + "ext_suffix=.pypy310-pp73-x86_64-linux-gnu.so\n"
            + "system=Linux\n"
            + "platform=linux-x86_64\n"
            + "pointer_bits=64\n"
            + "glibc=2.35\n";
    Interpreter interpreter = parse(pypy).orElseThrow();
    assertThat(interpreter.abis()).containsExactly("pypy310_pp73");
    assertThat(interpreter.interpreterTag()).isEqualTo("pp310");
  }

  @Test
  void extension_suffixes_of_other_builds() {
    var v311 = new PythonVersion(3, 11);
    assertThat(
            ExtensionSuffix.abis(
                ".graalpy-38-native-x86_64-darwin.dylib", v311, BuildConfig.release()))
        .containsExactly("graalpy_38_native");
    assertThat(ExtensionSuffix.abis(".cp311-win_amd64.pyd", v311, BuildConfig.release()))
        .containsExactly("cp311");
    assertThat(ExtensionSuffix.abis(".pyd", new PythonVersion(3, 7), BuildConfig.release()))
        .containsExactly("cp37m");
    assertThat(ExtensionSuffix.abis(null, v311, BuildConfig.release())).isEmpty();
  }

  @Test
  void windows_report_gives_its_one_platform() {
    String windows =
        base("cpython", 3, 12)
            + "system=Windows\nplatform=win-amd64\nmachine=AMD64\npointer_bits=64\n";
    Interpreter interpreter = parse(windows).orElseThrow();
    assertThat(PlatformTags.of(interpreter.platform())).containsExactly("win_amd64");
  }

  @Test
  void macos_report_uses_mac_ver_release_and_machine() {
    String mac =
        base("cpython", 3, 12)
            + "system=Darwin\n"
            + "platform=macosx-11.0-arm64\n"
            + "mac_release=14.2.1\n"
            + "mac_machine=arm64\n"
            + "pointer_bits=64\n";
    Interpreter interpreter = parse(mac).orElseThrow();
    assertThat(PlatformTags.of(interpreter.platform())).startsWith("macosx_14_0_arm64");
  }

  @Test
  void output_without_implementation_or_version_gives_no_interpreter() {
    assertThat(parse("")).isEmpty();
    assertThat(parse("implementation=cpython\nmajor=3\n")).isEmpty();
    assertThat(parse("Traceback (most recent call last):\nSyntaxError: invalid syntax")).isEmpty();
  }

  @Test
  void python_2_has_no_abi3_and_counts_down_from_py27() {
    Interpreter py27 =
        parse(
                Fixtures.text("reports/cpython-3.11.2.txt")
                    .replace("major=3", "major=2")
                    .replace("minor=11", "minor=7"))
            .orElseThrow();
    var tags = SupportedTags.computeStrings(py27);
    assertThat(tags.get(0)).isEqualTo("cp27-cp27mu-manylinux_2_36_x86_64");
    assertThat(tags).noneMatch(tag -> tag.contains("abi3")).endsWith("py20-none-any");
  }

  private static Optional<Interpreter> parse(String output) {
    return InterpreterReport.parse(output).interpreter();
  }

  private static String base(String implementation, int major, int minor) {
    return Stream.of(
            "implementation=" + implementation,
            "version=" + major + "." + minor + ".0",
            "major=" + major,
            "minor=" + minor,
            "py_debug=0",
            "with_pymalloc=1",
            "maxunicode=1114111",
            "")
        .reduce((a, b) -> a + "\n" + b)
        .orElseThrow();
  }

  private static String linux(String platform, int pointerBits) {
    return base("cpython", 3, 11)
        + "system=Linux\nplatform="
        + platform
        + "\npointer_bits="
        + pointerBits
        + "\nglibc=2.36\n";
  }

  private static String elf(int elfClass, int machine, long flags) {
    return "elf_class="
        + elfClass
        + "\nelf_data=1\nelf_machine="
        + machine
        + "\nelf_flags="
        + flags
        + "\n";
  }
}
