package dev.sextant.core.compat.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.sextant.core.fingerprint.Quantities;
import dev.sextant.core.fingerprint.Versions;
import java.math.BigDecimal;
import java.util.List;

/**
 * The functions Sextant adds to CEL, because its standard library compares version texts as plain
 * strings ({@code "9.0" > "12.4"}) and knows no units:
 *
 * <ul>
 *   <li>{@code versionAtLeast(string version, string minimum) -> bool}, by {@link
 *       Versions#atLeast};
 *   <li>{@code versionCompare(string a, string b) -> int}: -1, 0 or 1, by {@link Versions#compare};
 *   <li>{@code quantity(string) -> int}: the bytes {@code 16Gi} or {@code 8 GB} stand for, by
 *       {@link Quantities#parse}.
 * </ul>
 */
final class CelFunctions {
  static final List<CelFunctionDecl> DECLARATIONS =
      List.of(
          CelFunctionDecl.newFunctionDeclaration(
              "versionAtLeast",
              CelOverloadDecl.newGlobalOverload(
                  "versionAtLeast_string_string",
                  SimpleType.BOOL,
                  SimpleType.STRING,
                  SimpleType.STRING)),
          CelFunctionDecl.newFunctionDeclaration(
              "versionCompare",
              CelOverloadDecl.newGlobalOverload(
                  "versionCompare_string_string",
                  SimpleType.INT,
                  SimpleType.STRING,
                  SimpleType.STRING)),
          CelFunctionDecl.newFunctionDeclaration(
              "quantity",
              CelOverloadDecl.newGlobalOverload(
                  "quantity_string", SimpleType.INT, SimpleType.STRING)));

  static final List<CelFunctionBinding> BINDINGS =
      List.of(
          CelFunctionBinding.from(
              "versionAtLeast_string_string", String.class, String.class, Versions::atLeast),
          CelFunctionBinding.from(
              "versionCompare_string_string",
              String.class,
              String.class,
              (a, b) -> (long) Integer.signum(Versions.compare(a, b))),
          CelFunctionBinding.from("quantity_string", String.class, CelFunctions::quantity));

  private CelFunctions() {}

  /** The bytes as a CEL int, which is a Java long. */
  static long quantity(String text) throws CelEvaluationException {
    BigDecimal bytes;
    try {
      bytes = Quantities.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CelEvaluationException("quantity(\"" + text + "\"): " + e.getMessage());
    }
    try {
      return bytes.longValueExact();
    } catch (ArithmeticException e) {
      throw new CelEvaluationException(
          "quantity(\"" + text + "\") is more bytes than a CEL int holds");
    }
  }
}
