package dev.sextant.core.analysis.burn;

import dev.sextant.core.resource.spec.BurnRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The multiwindow, multi-burn-rate gate of the SRE workbook ("Alerting on SLOs"). The burn rate
 * over a window is its error ratio divided by the error budget (1 − SLO): at 1 the budget lasts
 * exactly the period. A pair fires only when both its windows burn faster than its factor: the long
 * window says enough budget is gone to matter, the short one that it is still going now, so a spike
 * that has ended stops failing rollouts within the short window.
 */
public final class BurnRateGate {
  private static final double ROUNDING = 1e-9;

  private BurnRateGate() {}

  /**
   * Judges the gate now.
   *
   * @param errorRatioOver the error ratio (0–1) over the window that ends now, empty when the
   *     window had no data; each window is asked once
   */
  public static BurnRateResult evaluate(
      BurnRate gate, Function<Duration, OptionalDouble> errorRatioOver) {
    Map<Duration, OptionalDouble> burns = new HashMap<>();
    Function<Duration, OptionalDouble> burnOver =
        window ->
            burns.computeIfAbsent(window, w -> divide(errorRatioOver.apply(w), gate.errorBudget()));
    List<PairResult> pairs = new ArrayList<>();
    for (BurnRate.Window window : gate.windows()) {
      OptionalDouble longBurn = burnOver.apply(window.longWindow());
      OptionalDouble shortBurn = burnOver.apply(window.shortWindow());
      boolean fires = faster(longBurn, window.factor()) && faster(shortBurn, window.factor());
      pairs.add(
          new PairResult(
              window.longWindow(),
              window.shortWindow(),
              window.factor(),
              longBurn,
              shortBurn,
              fires));
    }
    OptionalDouble budgetUsed = burnOver.apply(gate.period());
    return judge(gate, pairs, budgetUsed);
  }

  /**
   * The share of a period's error budget that burning at {@code burnRate} for {@code window}
   * spends: the workbook's 14.4 over 1 h of 30 d is 2%.
   */
  public static double budgetConsumed(double burnRate, Duration window, Duration period) {
    return burnRate * window.toNanos() / period.toNanos();
  }

  private static BurnRateResult judge(
      BurnRate gate, List<PairResult> pairs, OptionalDouble budgetUsed) {
    for (PairResult pair : pairs) {
      if (pair.fires()) {
        return new BurnRateResult(
            Verdict.FAIL,
            pairs,
            budgetUsed,
            String.format(
                Locale.ROOT,
                "the error budget of the %s%% SLO burns %s× over %s and %s× over %s, faster than"
                    + " %s×",
                number(gate.slo()),
                number(pair.longBurn().getAsDouble()),
                Windows.text(pair.longWindow()),
                number(pair.shortBurn().getAsDouble()),
                Windows.text(pair.shortWindow()),
                number(pair.factor())));
      }
    }
    if (budgetUsed.isPresent() && budgetUsed.getAsDouble() >= 1) {
      return new BurnRateResult(
          Verdict.EXHAUSTED,
          pairs,
          budgetUsed,
          String.format(
              Locale.ROOT,
              "the %s%% SLO's error budget for %s is spent (%s%% used); no window pair burns faster"
                  + " than its factor, but promotions wait until the budget recovers",
              number(gate.slo()),
              Windows.text(gate.period()),
              number(budgetUsed.getAsDouble() * 100)));
    }
    List<String> missing = new ArrayList<>();
    pairs.stream()
        .filter(PairResult::missing)
        .forEach(
            p -> missing.add(Windows.text(p.longWindow()) + "/" + Windows.text(p.shortWindow())));
    if (budgetUsed.isEmpty()) {
      missing.add("the period " + Windows.text(gate.period()));
    }
    if (!missing.isEmpty()) {
      return new BurnRateResult(
          Verdict.NODATA,
          pairs,
          budgetUsed,
          "no error ratio for " + String.join(", ", missing) + ", so the gate cannot pass");
    }
    return new BurnRateResult(
        Verdict.PASS,
        pairs,
        budgetUsed,
        String.format(
            Locale.ROOT,
            "no window pair burns faster than its factor; %s%% of the %s error budget used",
            number(budgetUsed.getAsDouble() * 100),
            Windows.text(gate.period())));
  }

  private static OptionalDouble divide(OptionalDouble ratio, double budget) {
    return ratio.isPresent() ? OptionalDouble.of(ratio.getAsDouble() / budget) : ratio;
  }

  // "Faster than", as the workbook's rules use ">": burning at the factor does not fire. The margin
  // keeps a ratio of exactly 1.44% on a 99.9% SLO (14.4 after rounding to doubles) from firing.
  private static boolean faster(OptionalDouble burn, double factor) {
    return burn.isPresent() && burn.getAsDouble() > factor * (1 + ROUNDING);
  }

  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.replaceAll("\\.?0+$", "");
  }
}
