package dev.sextant.agent.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How {@code nvidia-smi} is asked about GPUs and how its answers read. */
final class NvidiaSmi {
  private NvidiaSmi() {}

  static final String INDEX = "index";
  static final String NAME = "name";
  static final String MEMORY = "memory.total";
  static final String COMPUTE_CAP = "compute_cap";
  static final String DRIVER = "driver_version";
  static final String MIG_MODE = "mig.mode.current";

  /** In the order asked; index and name are in every driver's nvidia-smi. */
  static final List<String> FIELDS = List.of(INDEX, NAME, MEMORY, COMPUTE_CAP, DRIVER, MIG_MODE);

  // A driver older than a field answers, on stdout with exit code 2:
  //   Field "compute_cap" is not a valid field to query.
  private static final Pattern INVALID_FIELD =
      Pattern.compile("Field \"([^\"]+)\" is not a valid field to query");
  private static final Pattern CUDA_VERSION =
      Pattern.compile("CUDA Version:\\s*([0-9]+(?:\\.[0-9]+)*)");
  private static final Pattern DRIVER_VERSION =
      Pattern.compile("Driver Version:\\s*([0-9]+(?:\\.[0-9]+)*)");

  static List<String> queryCommand(List<String> fields) {
    return List.of(
        "nvidia-smi", "--query-gpu=" + String.join(",", fields), "--format=csv,noheader,nounits");
  }

  static Optional<String> invalidField(String output) {
    Matcher m = INVALID_FIELD.matcher(output);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * One map per GPU line, field to value, with the values nvidia-smi uses for "nothing here"
   * ({@code [N/A]}, {@code [Not Supported]}) left out. A line with the wrong number of values is
   * returned as the problem it is.
   */
  static Rows parseRows(String csv, List<String> fields) {
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String line : csv.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] values = line.split(",", -1);
      if (values.length != fields.size()) {
        problems.add(
            "unexpected nvidia-smi line ("
                + values.length
                + " values for "
                + fields.size()
                + " fields): "
                + line.strip());
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        String value = values[i].strip();
        if (!value.isEmpty() && !isNotAvailable(value)) {
          row.put(fields.get(i), value);
        }
      }
      rows.add(row);
    }
    return new Rows(rows, problems);
  }

  record Rows(List<Map<String, String>> gpus, List<String> problems) {}

  /** The highest CUDA version the driver supports, from the header of plain {@code nvidia-smi}. */
  static Optional<String> cudaVersion(String table) {
    Matcher m = CUDA_VERSION.matcher(table);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static Optional<String> driverVersion(String table) {
    Matcher m = DRIVER_VERSION.matcher(table);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** nvidia-smi's failure messages that mean "no usable GPU" rather than "the tool broke". */
  static boolean noDevices(String output) {
    return output.contains("No devices were found");
  }

  private static boolean isNotAvailable(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("[n/a]")
        || v.equals("n/a")
        || v.equals("[not supported]")
        || v.equals("[unknown error]");
  }
}
