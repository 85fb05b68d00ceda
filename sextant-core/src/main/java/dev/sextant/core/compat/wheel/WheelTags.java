package dev.sextant.core.compat.wheel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A wheel's tags, kept ready to be looked up while walking an environment's supported list. Built
 * once per requirement; immutable, so one instance serves any number of environments at once.
 */
public final class WheelTags {
  private final WheelFilename wheel;
  private final Map<String, WheelTag> byName;

  private WheelTags(WheelFilename wheel) {
    this.wheel = wheel;
    Map<String, WheelTag> names = new HashMap<>();
    wheel.tags().forEach(tag -> names.put(tag.toString(), tag));
    this.byName = Map.copyOf(names);
  }

  public static WheelTags of(WheelFilename wheel) {
    return new WheelTags(wheel);
  }

  public WheelFilename wheel() {
    return wheel;
  }

  /**
   * The wheel's best tag in {@code supported} (most preferred first, as {@code python.tags} and
   * {@code packaging.tags.sys_tags()} list them), or empty when pip would refuse the wheel.
   */
  public Optional<TagMatch> bestIn(List<String> supported) {
    // The first hit is the lowest index, so the walk stops there; a miss costs one hash look-up
    // per supported tag and allocates nothing.
    int index = 0;
    for (String name : supported) {
      WheelTag tag = byName.get(name);
      if (tag != null) {
        return Optional.of(new TagMatch(tag, index, supported.size()));
      }
      index++;
    }
    return Optional.empty();
  }
}
