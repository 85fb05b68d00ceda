package dev.sextant.core.analysis.judge;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder as R's {@code uniroot} runs it (zeroin, absolute tolerance 1e-4), which is
 * how R's {@code wilcox.test} finds the ends of its confidence interval and Kayenta after it. The
 * function there is a step function of the shift, so any point of the step that crosses zero is a
 * root; taking R's steps lands on R's point, where Hipparchus' {@code BrentSolver}, which brackets
 * from the midpoint first, lands elsewhere on the same step (up to the tolerance away).
 */
final class Zeroin {
  private static final double TOLERANCE = 1e-4;
  private static final int MAX_ITERATIONS = 1000;

  private Zeroin() {}

  /** A root of {@code f} between {@code a} and {@code b}, where f has values fa and fb. */
  static double root(DoubleUnaryOperator f, double a, double b, double fa, double fb) {
    if (fa == 0) {
      return a;
    }
    if (fb == 0) {
      return b;
    }
    // c is the point opposite b, so that [b, c] brackets the root; a is the previous b.
    double c = a;
    double fc = fa;
    for (int i = 0; i <= MAX_ITERATIONS; i++) {
      double previousStep = b - a;
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tolerance = 2 * Math.ulp(1.0) * Math.abs(b) + TOLERANCE / 2;
      double step = (c - b) / 2;
      if (Math.abs(step) <= tolerance || fb == 0) {
        return b;
      }
      if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
        double interpolated = interpolatedStep(a, b, c, fa, fb, fc, tolerance, previousStep);
        if (!Double.isNaN(interpolated)) {
          step = interpolated;
        }
      }
      if (Math.abs(step) < tolerance) {
        step = step > 0 ? tolerance : -tolerance;
      }
      a = b;
      fa = fb;
      b += step;
      fb = f.applyAsDouble(b);
      if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
        c = a;
        fc = fa;
      }
    }
    return b;
  }

  /** A secant or inverse quadratic step, or NaN where bisection would shrink [b, c] more. */
  private static double interpolatedStep(
      double a,
      double b,
      double c,
      double fa,
      double fb,
      double fc,
      double tolerance,
      double previousStep) {
    double cb = c - b;
    double p;
    double q;
    if (a == c) {
      double t1 = fb / fa;
      p = cb * t1;
      q = 1 - t1;
    } else {
      double qa = fa / fc;
      double t1 = fb / fc;
      double t2 = fb / fa;
      p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
      q = (qa - 1) * (t1 - 1) * (t2 - 1);
    }
    if (p > 0) {
      q = -q;
    } else {
      p = -p;
    }
    boolean inside = p < 0.75 * cb * q - Math.abs(tolerance * q) / 2;
    boolean smallEnough = p < Math.abs(previousStep * q / 2);
    return inside && smallEnough ? p / q : Double.NaN;
  }
}
