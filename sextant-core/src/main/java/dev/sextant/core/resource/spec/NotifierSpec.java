package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.core.resource.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where news of rollouts is sent: a webhook (a generic JSON body) or a Slack incoming webhook (a
 * {@code text} and {@code blocks} body), for the rollouts of the services and environments it
 * selects, on the phases it names.
 *
 * <p>The URL may be written in place or, since a Slack webhook's URL is itself a credential, as a
 * secret reference; a header whose name says it carries a credential must be a reference.
 *
 * @param url where to send, in place or {@code {secretRef: …}}
 * @param headers extra request headers, each in place or by secret reference
 * @param environments the environments whose rollouts it hears of, by label; everything when empty
 * @param services the services whose rollouts it hears of, by name; every one when empty
 * @param phases the phases a rollout enters that it hears of ({@code paused}, {@code failed}…);
 *     every transition when empty
 */
public record NotifierSpec(
    String description,
    Type type,
    EnvValue url,
    Map<String, EnvValue> headers,
    Optional<Selector> environments,
    List<String> services,
    List<String> phases)
    implements Spec {
  private static final Pattern CREDENTIAL_HEADER =
      Pattern.compile("(?i).*(authorization|token|secret|password|api-?key|signature).*");

  public NotifierSpec {
    description = Defaults.text(description);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    headers = Defaults.sorted(headers);
    environments = Defaults.optional(environments);
    services = Defaults.list(services);
    phases = Defaults.list(phases);
    headers.forEach(
        (name, value) -> {
          if (CREDENTIAL_HEADER.matcher(name).matches() && value instanceof EnvValue.Plain) {
            throw new FieldException(
                "headers." + name,
                "header "
                    + name
                    + " carries a credential, so its value must be {secretRef: …}, never written"
                    + " in place");
          }
        });
  }

  /** Whether a rollout of {@code service} in an environment labelled so is one it hears of. */
  public boolean selects(String service, Map<String, String> environmentLabels) {
    return (services.isEmpty() || services.contains(service))
        && environments.map(selector -> selector.matches(environmentLabels)).orElse(true);
  }

  /** Whether it wants to hear that a rollout entered {@code phase}. */
  public boolean wants(String phase) {
    return phases.isEmpty() || phases.contains(phase);
  }

  @Override
  public Kind kind() {
    return Kind.NOTIFIER;
  }

  /** The shape of the body it sends. */
  public enum Type {
    @JsonProperty("webhook")
    WEBHOOK,
    @JsonProperty("slack")
    SLACK;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
