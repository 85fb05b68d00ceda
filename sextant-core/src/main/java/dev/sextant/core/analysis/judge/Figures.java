package dev.sextant.core.analysis.judge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers as people read them in reasons: three significant digits, no exponent, no padding. */
final class Figures {
  private Figures() {}

  static String of(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return new BigDecimal(value)
        .round(new MathContext(3, RoundingMode.HALF_EVEN))
        .stripTrailingZeros()
        .toPlainString();
  }
}
