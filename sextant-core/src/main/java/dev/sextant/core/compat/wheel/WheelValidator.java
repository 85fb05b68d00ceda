package dev.sextant.core.compat.wheel;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.python.Interpreter;
import dev.sextant.core.python.InterpreterFacts;
import dev.sextant.core.python.SupportedTags;
import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The {@code wheel} rule: a wheel installs where one of its tags is in the environment's {@code
 * python.tags}, the list pip itself checks ({@code packaging.tags.sys_tags()}, most preferred
 * first). The best-ranked tag is the one pip ranks the wheel by. A fingerprint without {@code
 * python.tags} (one written by hand) has them derived from its other facts as the probe computes
 * them ({@link InterpreterFacts}), and the finding says so in a caveat.
 *
 * <pre>
 * - rule: wheel
 *   with:
 *     file: torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl
 * </pre>
 */
public final class WheelValidator implements Validator {
  static final String FACT = "python.tags";
  private static final int TAGS_SHOWN = 3;

  public WheelValidator() {}

  @Override
  public String rule() {
    return "wheel";
  }

  @Override
  public String summary() {
    return "A Python wheel installs: one of its tags is in the environment's python.tags, as pip checks";
  }

  @Override
  public String source() {
    return "PEP 427 and the binary distribution format "
        + "(https://packaging.python.org/en/latest/specifications/binary-distribution-format/); "
        + "tags: PEP 425 and the platform compatibility tags "
        + "(https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/), "
        + "manylinux PEP 600 with the legacy aliases of PEP 513, 571 and 599, musllinux PEP 656; "
        + "names PEP 503, versions PEP 440; matching as pip does with packaging's tags.sys_tags()";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.required(
            "file", "wheel file name", "the wheel's file name alone, not a path or URL"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{file: torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl}");
  }

  /**
   * @throws dev.sextant.core.compat.InvalidRequirementException when {@code file} is missing or is
   *     not a wheel's file name
   */
  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments with = Arguments.of(requirement, Argument.names(arguments()));
    String file = with.text("file");
    if (file.contains("/") || file.contains("\\")) {
      throw with.invalid(
          "file", "\"" + file + "\" is a path or URL; expected the wheel's file name alone");
    }
    WheelFilename wheel;
    try {
      wheel = WheelFilename.parse(file);
    } catch (IllegalArgumentException e) {
      throw with.invalid("file", e.getMessage());
    }
    return new WheelConstraint(
        file,
        WheelTags.of(wheel),
        required(file, wheel),
        new ConcurrentHashMap<>(),
        new ConcurrentHashMap<>());
  }

  private static String required(String file, WheelFilename wheel) {
    List<String> names = wheel.tags().stream().map(WheelTag::toString).toList();
    String shown =
        names.size() <= TAGS_SHOWN
            ? String.join(", ", names)
            : names.stream().limit(TAGS_SHOWN).collect(Collectors.joining(", "))
                + " … ("
                + names.size()
                + " tags)";
    return "a tag of " + file + " in python.tags: " + shown;
  }

  /** Distinct tag lists whose refusal is remembered per requirement; a fleet has a handful. */
  private static final int MEMO_LISTS = 64;

  /**
   * @param refusals why the wheel is refused, by tag list: a fleet has few distinct lists, and
   *     explaining a refusal reads the whole list, so it is done once per list (a memo of a pure
   *     function, bounded, safe to share between threads)
   * @param derived the tags of interpreters read from fingerprints without python.tags, memoised
   *     the same way: a fleet written by hand has few distinct interpreters
   */
  private record WheelConstraint(
      String file,
      WheelTags tags,
      String required,
      Map<List<String>, String> refusals,
      Map<Interpreter, List<String>> derived)
      implements Constraint {

    @Override
    public Finding evaluate(Fingerprint fingerprint) {
      Optional<Fact> fact = fingerprint.fact(FACT);
      if (fact.isEmpty()) {
        return derive(fingerprint);
      }
      List<String> facts = List.of(FACT);
      if (!(fact.get() instanceof Fact.Sequence sequence)) {
        return Finding.notMet(
            facts,
            required,
            fact.get().display(),
            "python.tags is a "
                + fact.get().type()
                + ", not the ordered list of tags the Python probe collects");
      }
      return judge(facts, sequence.values(), sequence.display());
    }

    /**
     * Without python.tags, the tags of the interpreter the other facts describe, said to be
     * derived.
     */
    private Finding derive(Fingerprint fingerprint) {
      InterpreterFacts.Reading reading = InterpreterFacts.read(fingerprint);
      if (reading.interpreter().isEmpty()) {
        return Finding.notMet(
            List.of(FACT),
            required,
            Finding.ABSENT,
            "the fingerprint has no python.tags, which the Python probe collects from the environment's python3, and"
                + " they cannot be derived: "
                + reading.why());
      }
      Interpreter interpreter = reading.interpreter().get();
      List<String> supported = derived.get(interpreter);
      if (supported == null) {
        supported = SupportedTags.computeStrings(interpreter);
        if (derived.size() < MEMO_LISTS) {
          derived.put(interpreter, supported);
        }
      }
      String display = new Fact.Sequence(supported).display();
      return judge(reading.facts(), supported, display)
          .withCaveat(
              "python.tags is not in the fingerprint: its "
                  + supported.size()
                  + " tags were derived from "
                  + String.join(", ", reading.facts())
                  + " as the Python probe computes them, taking the interpreter"
                  + " to be a 64-bit "
                  + interpreter.implementation().name()
                  + " "
                  + interpreter.version()
                  + " with ABI "
                  + interpreter.abi()
                  + " on Linux "
                  + interpreter.platform().architecture()
                  + " with "
                  + interpreter.platform().libc());
    }

    private Finding judge(List<String> facts, List<String> supported, String display) {
      Optional<TagMatch> match = tags.bestIn(supported);
      if (match.isEmpty()) {
        return Finding.notMet(
            facts, required, display, "pip would refuse " + file + ": " + refusal(supported));
      }
      TagMatch best = match.get();
      Finding met =
          Finding.met(
                  facts,
                  required,
                  best.tag() + " (rank " + best.rank() + " of " + best.listed() + ")",
                  "pip accepts "
                      + file
                      + " by its tag "
                      + best.tag()
                      + ", the environment's choice "
                      + best.rank()
                      + " of "
                      + best.listed()
                      + " (1 is most preferred)")
              .withObserved(new Value.WheelTag(best.tag().toString(), best.rank(), best.listed()));
      // PEP 513: a plain linux_* wheel promises nothing about the libraries it links, so pip's
      // yes is only about the interpreter, ABI and architecture.
      return best.tag().platform().startsWith("linux_")
          ? met.withCaveat(
              "a "
                  + best.tag().platform()
                  + " wheel is built for one distribution and is not checked "
                  + "for portability (PEP 513); it may need shared libraries this host lacks")
          : met;
    }

    private String refusal(List<String> supported) {
      String known = refusals.get(supported);
      if (known != null) {
        return known;
      }
      String why = Mismatch.explain(tags.wheel().tags(), supported);
      if (refusals.size() < MEMO_LISTS) {
        refusals.put(supported, why);
      }
      return why;
    }
  }
}
