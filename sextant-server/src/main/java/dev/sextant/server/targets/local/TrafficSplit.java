package dev.sextant.server.targets.local;

/**
 * The HAProxy weight of each ready instance on each track so that the canary gets the asked share
 * of requests. HAProxy shares by {@code w / Σw} with integer weights from 0 to 256, so a share is
 * exact at 0% and 100% and the closest reachable otherwise.
 *
 * <p>A baseline (the stable version, measured beside the canary for a judge) takes the canary's
 * share from stable's when it runs as many ready instances as the canary, and the canary has at
 * most half of the traffic: each baseline instance then weighs what a canary instance does.
 * Otherwise it gets nothing.
 *
 * @param canaryPercent the share the canary was asked for, 0 to 100
 * @param stableReady instances ready on the stable track
 * @param canaryReady instances ready on the canary track
 * @param baselineReady instances ready on the baseline track
 * @param stableWeight the weight of each ready stable instance
 * @param canaryWeight the weight of each ready canary instance
 * @param baselineWeight the weight of each ready baseline instance
 */
public record TrafficSplit(
    int canaryPercent,
    int stableReady,
    int canaryReady,
    int baselineReady,
    int stableWeight,
    int canaryWeight,
    int baselineWeight) {

  /** HAProxy's largest absolute weight. */
  public static final int MAX_WEIGHT = 256;

  // roundrobin's limit per backend; it also keeps the exact arithmetic below far from overflow.
  private static final int MAX_SERVERS = 4095;

  public TrafficSplit {
    for (int weight : new int[] {stableWeight, canaryWeight, baselineWeight}) {
      if (weight < 0 || weight > MAX_WEIGHT) {
        throw new IllegalArgumentException(
            "HAProxy weights run from 0 to "
                + MAX_WEIGHT
                + ": "
                + stableWeight
                + "/"
                + canaryWeight
                + "/"
                + baselineWeight);
      }
    }
  }

  /**
   * The split with a baseline of {@code baselineReady} instances beside the canary, as the class
   * documentation says: it shares like a canary of both tracks' instances at twice the percentage.
   *
   * @throws IllegalArgumentException as {@link #of(int, int, int)} does
   */
  public static TrafficSplit of(
      int canaryPercent, int stableReady, int canaryReady, int baselineReady) {
    if (baselineReady < 0 || baselineReady > MAX_SERVERS) {
      throw new IllegalArgumentException(
          "ready instances run from 0 to " + MAX_SERVERS + " per track: " + baselineReady);
    }
    boolean paired =
        baselineReady > 0
            && baselineReady == canaryReady
            && canaryPercent > 0
            && canaryPercent <= 50
            && stableReady > 0;
    if (!paired) {
      TrafficSplit two = of(canaryPercent, stableReady, canaryReady);
      return new TrafficSplit(
          canaryPercent,
          stableReady,
          canaryReady,
          baselineReady,
          two.stableWeight,
          two.canaryWeight,
          0);
    }
    TrafficSplit both = of(2 * canaryPercent, stableReady, canaryReady + baselineReady);
    return new TrafficSplit(
        canaryPercent,
        stableReady,
        canaryReady,
        baselineReady,
        both.stableWeight,
        both.canaryWeight,
        both.canaryWeight);
  }

  /**
   * The closest split to {@code canaryPercent}; among equally close ones, the one with the larger
   * weights, so a later small step still has room.
   *
   * @throws IllegalArgumentException when the percentage is outside 0..100, or asks for traffic on
   *     a track with no ready instance
   */
  public static TrafficSplit of(int canaryPercent, int stableReady, int canaryReady) {
    if (canaryPercent < 0 || canaryPercent > 100) {
      throw new IllegalArgumentException("a canary share is 0 to 100%, got " + canaryPercent);
    }
    if (stableReady < 0
        || canaryReady < 0
        || stableReady > MAX_SERVERS
        || canaryReady > MAX_SERVERS) {
      throw new IllegalArgumentException(
          "ready instances run from 0 to "
              + MAX_SERVERS
              + " per track: "
              + stableReady
              + "/"
              + canaryReady);
    }
    if (canaryPercent > 0 && canaryReady == 0) {
      throw new IllegalArgumentException(
          "the canary was asked for " + canaryPercent + "% but has no ready instance");
    }
    if (canaryPercent < 100 && stableReady == 0) {
      throw new IllegalArgumentException(
          "stable was asked for " + (100 - canaryPercent) + "% but has no ready instance");
    }
    if (canaryPercent == 0) {
      return new TrafficSplit(canaryPercent, stableReady, canaryReady, 0, MAX_WEIGHT, 0, 0);
    }
    if (canaryPercent == 100) {
      return new TrafficSplit(canaryPercent, stableReady, canaryReady, 0, 0, MAX_WEIGHT, 0);
    }
    int bestStable = MAX_WEIGHT;
    int bestCanary = MAX_WEIGHT;
    long bestError = error(canaryPercent, stableReady, canaryReady, MAX_WEIGHT, MAX_WEIGHT);
    long bestTotal = load(stableReady, canaryReady, MAX_WEIGHT, MAX_WEIGHT);
    for (int wc = MAX_WEIGHT; wc >= 1; wc--) {
      for (int ws = MAX_WEIGHT; ws >= 1; ws--) {
        long error = error(canaryPercent, stableReady, canaryReady, ws, wc);
        long total = load(stableReady, canaryReady, ws, wc);
        // error / total against bestError / bestTotal, without division
        long lhs = error * bestTotal;
        long rhs = bestError * total;
        if (lhs < rhs || (lhs == rhs && wc + ws > bestStable + bestCanary)) {
          bestStable = ws;
          bestCanary = wc;
          bestError = error;
          bestTotal = total;
        }
      }
    }
    return new TrafficSplit(canaryPercent, stableReady, canaryReady, 0, bestStable, bestCanary, 0);
  }

  // |share − p/100| is this over 100·load.
  private static long error(int percent, int stableReady, int canaryReady, int ws, int wc) {
    long canaryLoad = (long) canaryReady * wc;
    return Math.abs(100 * canaryLoad - percent * load(stableReady, canaryReady, ws, wc));
  }

  private static long load(int stableReady, int canaryReady, int ws, int wc) {
    return (long) canaryReady * wc + (long) stableReady * ws;
  }

  /** The weight of each ready instance on {@code track}. */
  public int weightOf(Track track) {
    return switch (track) {
      case STABLE -> stableWeight;
      case CANARY -> canaryWeight;
      case BASELINE -> baselineWeight;
    };
  }

  /** How many instances are ready on {@code track}. */
  public int readyOn(Track track) {
    return switch (track) {
      case STABLE -> stableReady;
      case CANARY -> canaryReady;
      case BASELINE -> baselineReady;
    };
  }

  /** The share of requests the canary gets, as HAProxy computes it from these weights. */
  public double canaryShare() {
    return shareOf(Track.CANARY);
  }

  /** The share of requests {@code track} gets, as HAProxy computes it from these weights. */
  public double shareOf(Track track) {
    double total = 0;
    for (Track t : Track.values()) {
      total += (double) readyOn(t) * weightOf(t);
    }
    return total == 0 ? 0 : readyOn(track) * (double) weightOf(track) / total;
  }
}
