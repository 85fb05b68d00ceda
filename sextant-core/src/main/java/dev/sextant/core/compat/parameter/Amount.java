package dev.sextant.core.compat.parameter;

import dev.sextant.core.fingerprint.Quantities;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A value within a parameter expression: a plain number or an amount of bytes. The unit is kept so
 * that a quantity divided by a quantity is a number and adding bytes to a count is refused.
 */
record Amount(BigDecimal value, boolean bytes) {
  private static final int SHOWN_DECIMALS = 3;

  static Amount number(BigDecimal value) {
    return new Amount(value, false);
  }

  static Amount ofBytes(BigDecimal value) {
    return new Amount(value, true);
  }

  Amount plus(Amount other, int column) throws Unresolvable {
    sameKind(other, "add", column);
    return new Amount(value.add(other.value), bytes);
  }

  Amount minus(Amount other, int column) throws Unresolvable {
    sameKind(other, "subtract", column);
    return new Amount(value.subtract(other.value), bytes);
  }

  Amount times(Amount other, int column) throws Unresolvable {
    if (bytes && other.bytes) {
      throw new Unresolvable(
          "cannot multiply an amount of bytes by an amount of bytes at column " + column);
    }
    return new Amount(value.multiply(other.value), bytes || other.bytes);
  }

  Amount dividedBy(Amount other, int column) throws Unresolvable {
    if (!bytes && other.bytes) {
      throw new Unresolvable("cannot divide a number by an amount of bytes at column " + column);
    }
    if (other.value.signum() == 0) {
      throw new Unresolvable("division by zero at column " + column);
    }
    return new Amount(value.divide(other.value, MathContext.DECIMAL128), bytes && !other.bytes);
  }

  Amount negated() {
    return new Amount(value.negate(), bytes);
  }

  Amount floor() {
    return new Amount(value.setScale(0, RoundingMode.FLOOR), bytes);
  }

  boolean whole() {
    return value.stripTrailingZeros().scale() <= 0;
  }

  String kind() {
    return bytes ? "an amount of bytes" : "a number";
  }

  void sameKind(Amount other, String verb, int column) throws Unresolvable {
    if (bytes != other.bytes) {
      throw new Unresolvable(
          "cannot " + verb + " " + kind() + " and " + other.kind() + " at column " + column);
    }
  }

  /**
   * As a person reads it: bytes in their shortest exact form ({@code 80Gi}), long fractions cut.
   */
  String show() {
    BigDecimal stripped = value.stripTrailingZeros();
    if (bytes && whole() && stripped.signum() > 0) {
      return Quantities.format(stripped.setScale(0));
    }
    String shown =
        stripped.scale() > SHOWN_DECIMALS
            ? stripped.setScale(SHOWN_DECIMALS, RoundingMode.DOWN).toPlainString() + "…"
            : stripped.toPlainString();
    return bytes ? shown + " bytes" : shown;
  }
}
