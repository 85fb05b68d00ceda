package dev.sextant.core.compat.cel;

import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * How a fingerprint's facts appear to CEL, for requirements and for any later code (policies) that
 * evaluates CEL over facts, so that an expression means the same wherever it is written.
 *
 * <p>The binding convention:
 *
 * <ul>
 *   <li>{@code facts}, a {@code map(string, dyn)}: every fact, keyed exactly as in the fingerprint
 *       ({@code facts["gpu[0].memory"]}, {@code facts["cpu.flags"]}). A key the fingerprint lacks
 *       is an evaluation error, so test with {@code "gpu[0].memory" in facts} where a fact may be
 *       absent.
 *   <li>{@code value}, {@code dyn}: the requirement's own {@code fact}, when it names one and the
 *       fingerprint has it.
 * </ul>
 *
 * <p>Fact values become CEL values by type: a version is a {@code string} (compare it with {@code
 * versionAtLeast} or {@code versionCompare}, never with {@code <}, which compares text); a quantity
 * is an {@code int} of bytes (compare with {@code quantity("16Gi")}); a set or list is a {@code
 * list(string)}; text is a {@code string}; a flag a {@code bool}; a number an {@code int} when
 * whole and a {@code double} otherwise. Ints and doubles compare with each other ({@code
 * facts["cpu.cores"] >= 8.0}). The standard macros ({@code all}, {@code exists}, {@code filter},
 * {@code map}) are on, with a bound on how many items one expression may iterate over.
 */
public final class CelFacts {
  /** The variable holding every fact by key. */
  public static final String FACTS = "facts";

  /** The variable holding the requirement's own fact. */
  public static final String VALUE = "value";

  private CelFacts() {}

  /**
   * A CEL environment that declares {@link #FACTS}, {@link #VALUE} and Sextant's functions, with
   * Sextant's options; callers may declare more variables before building it.
   */
  public static CelBuilder builder() {
    return CelFactory.standardCelBuilder()
        .setOptions(
            CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                // Release files come from users: no expression may loop for long.
                .comprehensionMaxIterations(10_000)
                .build())
        // all, exists, filter, map and has: not on by default in cel-java.
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar(FACTS, MapType.create(SimpleType.STRING, SimpleType.DYN))
        .addVar(VALUE, SimpleType.DYN)
        .addFunctionDeclarations(CelFunctions.DECLARATIONS)
        .addFunctionBindings(CelFunctions.BINDINGS);
  }

  /**
   * The variables for one evaluation: {@link #FACTS}, and {@link #VALUE} when {@code fact} is given
   * and present in the fingerprint.
   */
  public static Map<String, Object> activation(Fingerprint fingerprint, Optional<String> fact) {
    Map<String, Object> activation = new HashMap<>();
    activation.put(FACTS, values(fingerprint));
    fact.flatMap(fingerprint::fact).ifPresent(present -> activation.put(VALUE, value(present)));
    return activation;
  }

  /**
   * Every fact of the fingerprint as a CEL value, by key: a read-only view that converts a fact
   * when it is read, because an expression reads a few of ~200 facts and converting them all for
   * every environment was most of the cost of a CEL requirement.
   */
  public static Map<String, Object> values(Fingerprint fingerprint) {
    return new FactValues(fingerprint.facts());
  }

  private static final class FactValues extends AbstractMap<String, Object> {
    private final SortedMap<String, Fact> facts;

    FactValues(SortedMap<String, Fact> facts) {
      this.facts = facts;
    }

    @Override
    public Object get(Object key) {
      Fact fact = key instanceof String name ? facts.get(name) : null;
      return fact == null ? null : value(fact);
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && facts.containsKey(name);
    }

    @Override
    public int size() {
      return facts.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          Iterator<Entry<String, Fact>> entries = facts.entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return entries.hasNext();
            }

            @Override
            public Entry<String, Object> next() {
              Entry<String, Fact> entry = entries.next();
              return new SimpleImmutableEntry<>(entry.getKey(), value(entry.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return facts.size();
        }
      };
    }
  }

  /** One fact as a CEL value, as the class documentation says. */
  public static Object value(Fact fact) {
    // Java 17 has no pattern matching in switch; Fact is sealed, so this chain is complete.
    if (fact instanceof Fact.Version v) {
      return v.value();
    }
    if (fact instanceof Fact.Quantity q) {
      return number(q.amount());
    }
    if (fact instanceof Fact.Set s) {
      return List.copyOf(s.values());
    }
    if (fact instanceof Fact.Sequence s) {
      return s.values();
    }
    if (fact instanceof Fact.Text t) {
      return t.value();
    }
    if (fact instanceof Fact.Flag f) {
      return f.value();
    }
    return number(((Fact.Number) fact).value());
  }

  /** A CEL int (a Java long) when the amount is whole and fits, else a double. */
  private static Object number(BigDecimal amount) {
    try {
      return amount.longValueExact();
    } catch (ArithmeticException notWholeOrTooLarge) {
      return amount.doubleValue();
    }
  }
}
