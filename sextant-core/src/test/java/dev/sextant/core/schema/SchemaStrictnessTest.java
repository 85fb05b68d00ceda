package dev.sextant.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sextant.core.resource.Kind;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case breaks one valid example in one way and names the keyword and location the schema must
 * report, as {@code kubectl --validate=strict} would refuse it.
 */
class SchemaStrictnessTest {
  private static final String ENVIRONMENT = "environments/prod-eu.yaml";
  private static final String SERVICE = "services/payments-api.yaml";
  private static final String GPU_RELEASE = "releases/fraud-detector-1.4.0.yaml";
  private static final String IMAGE_RELEASE = "releases/payments-api-2.4.0.yaml";
  private static final String POLICY = "policies/prod-signed-releases.yaml";
  private static final String CANARY = "strategies/canary-standard.yaml";
  private static final String ROLLING = "strategies/rolling-fast.yaml";
  private static final String ANALYSIS = "analysistemplates/checkout-slo.yaml";
  private static final String PIPELINE = "pipelines/fraud-detector.yaml";

  private static final ObjectMapper STRICT_JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  record Case(String name, String example, Consumer<ObjectNode> breakIt, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // every kind: the envelope
        new Case(
            "wrong apiVersion",
            SERVICE,
            d -> set(d, "/apiVersion", "sextant.dev/v2"),
            "const at $.apiVersion"),
        new Case("wrong kind", SERVICE, d -> set(d, "/kind", "service"), "const at $.kind"),
        new Case(
            "unknown top-level field",
            SERVICE,
            d -> set(d, "/status", "{}"),
            "additionalProperties(status) at $"),
        new Case("missing spec", SERVICE, d -> remove(d, "/spec"), "required(spec) at $"),
        new Case(
            "missing name",
            SERVICE,
            d -> remove(d, "/metadata/name"),
            "required(name) at $.metadata"),
        new Case(
            "name Bad_Name",
            SERVICE,
            d -> set(d, "/metadata/name", "Bad_Name"),
            "pattern at $.metadata.name"),
        new Case(
            "name of 64 characters",
            SERVICE,
            d -> set(d, "/metadata/name", "a".repeat(64)),
            "maxLength at $.metadata.name"),
        new Case(
            "unknown metadata field",
            SERVICE,
            d -> set(d, "/metadata/namespace", "default"),
            "additionalProperties(namespace) at $.metadata"),
        new Case(
            "label value with a space",
            SERVICE,
            d -> set(d, "/metadata/labels/domain", "card payments"),
            "pattern at $.metadata.labels.domain"),
        new Case(
            "label key with two slashes",
            SERVICE,
            d -> set(d, "/metadata/labels/a~1b~1c", "x"),
            "propertyNames(a/b/c) at $.metadata.labels"),
        new Case(
            "annotation that is not a string",
            SERVICE,
            d -> set(d, "/metadata/annotations", "{\"note\": 1}"),
            "type at $.metadata.annotations.note"),
        // Service
        new Case(
            "service without owner",
            SERVICE,
            d -> remove(d, "/spec/owner"),
            "required(owner) at $.spec"),
        new Case(
            "service api without name",
            SERVICE,
            d -> remove(d, "/spec/api/name"),
            "required(name) at $.spec.api"),
        new Case(
            "service with unknown field",
            SERVICE,
            d -> set(d, "/spec/team", "payments"),
            "additionalProperties(team) at $.spec"),
        // Environment
        new Case(
            "environment without target",
            ENVIRONMENT,
            d -> remove(d, "/spec/target"),
            "required(target) at $.spec"),
        new Case(
            "target type not an adapter",
            ENVIRONMENT,
            d -> set(d, "/spec/target/type", "ssh"),
            "enum at $.spec.target.type"),
        new Case(
            "unknown target field",
            ENVIRONMENT,
            d -> set(d, "/spec/target/kind", "agent"),
            "additionalProperties(kind) at $.spec.target"),
        new Case(
            "secret written in clear",
            ENVIRONMENT,
            d -> set(d, "/spec/target/connection/enrollmentToken", "s3cr3t"),
            "pattern at $.spec.target.connection.enrollmentToken"),
        new Case(
            "drift action unknown",
            ENVIRONMENT,
            d -> set(d, "/spec/drift", "ignore"),
            "enum at $.spec.drift"),
        new Case(
            "fact key upper-case",
            ENVIRONMENT,
            d -> set(d, "/spec/facts/GPU.count", "8"),
            "propertyNames(GPU.count) at $.spec.facts"),
        new Case(
            "fact value an object",
            ENVIRONMENT,
            d -> set(d, "/spec/facts/os.id", "{\"name\": \"ubuntu\"}"),
            "type at $.spec.facts.os.id"),
        new Case(
            "list fact with a number",
            ENVIRONMENT,
            d -> set(d, "/spec/facts/cpu.flags", "[\"avx2\", 3]"),
            "type at $.spec.facts.cpu.flags[1]"),
        new Case(
            "discovery interval '5 minutes'",
            ENVIRONMENT,
            d -> set(d, "/spec/discovery/interval", "5 minutes"),
            "pattern at $.spec.discovery.interval"),
        new Case(
            "discovery without source",
            ENVIRONMENT,
            d -> remove(d, "/spec/discovery/source"),
            "required(source) at $.spec.discovery"),
        new Case(
            "policy reference Bad_Name",
            ENVIRONMENT,
            d -> set(d, "/spec/policies/0", "Bad_Name"),
            "pattern at $.spec.policies[0]"),
        // Release
        new Case(
            "release without variants",
            IMAGE_RELEASE,
            d -> remove(d, "/spec/variants"),
            "required(variants) at $.spec"),
        new Case(
            "release with no variant",
            IMAGE_RELEASE,
            d -> set(d, "/spec/variants", "[]"),
            "minItems at $.spec.variants"),
        new Case(
            "version not semver",
            IMAGE_RELEASE,
            d -> set(d, "/spec/version", "\"2.4\""),
            "pattern at $.spec.version"),
        new Case(
            "service Bad_Name",
            IMAGE_RELEASE,
            d -> set(d, "/spec/service", "Bad_Name"),
            "pattern at $.spec.service"),
        new Case(
            "image without digest",
            IMAGE_RELEASE,
            d -> set(d, "/spec/variants/0/artifact/image", "ghcr.io/acme/payments-api:2.4.0"),
            "pattern at $.spec.variants[0].artifact.image"),
        new Case(
            "image with a short digest",
            IMAGE_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/artifact/image",
                    "ghcr.io/acme/payments-api@sha256:af5e60e8"),
            "pattern at $.spec.variants[0].artifact.image"),
        new Case(
            "artifact with image and url",
            IMAGE_RELEASE,
            d -> {
              set(d, "/spec/variants/0/artifact/url", "https://example.com/a.tar.gz");
              set(d, "/spec/variants/0/artifact/sha256", "a".repeat(64));
            },
            "oneOf at $.spec.variants[0].artifact"),
        new Case(
            "artifact with neither image nor url",
            IMAGE_RELEASE,
            d -> set(d, "/spec/variants/0/artifact", "{}"),
            "oneOf at $.spec.variants[0].artifact"),
        new Case(
            "download without sha256",
            GPU_RELEASE,
            d -> remove(d, "/spec/variants/0/artifact/sha256"),
            "dependentRequired(url) at $.spec.variants[0].artifact"),
        new Case(
            "download over ftp",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/artifact/url", "ftp://example.com/model.tar.gz"),
            "pattern at $.spec.variants[0].artifact.url"),
        new Case(
            "download from a relative file path",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/artifact/url", "file:model.tar.gz"),
            "pattern at $.spec.variants[0].artifact.url"),
        new Case(
            "download with credentials in the URL",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/artifact/url", "http://user:pw@example.com/m.tar.gz"),
            "pattern at $.spec.variants[0].artifact.url"),
        new Case(
            "sha256 in upper case",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/artifact/sha256", "A".repeat(64)),
            "pattern at $.spec.variants[0].artifact.sha256"),
        new Case(
            "variant without artifact",
            GPU_RELEASE,
            d -> remove(d, "/spec/variants/1/artifact"),
            "required(artifact) at $.spec.variants[1]"),
        new Case(
            "requirement with an unknown operator",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/1/requirements/2/gte", "16Gi"),
            "additionalProperties(gte) at $.spec.variants[1].requirements[2]"),
        new Case(
            "requirement with a fact and no operator",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/1/requirements/0", "{\"fact\": \"cpu.arch\"}"),
            "required(equals) at $.spec.variants[1].requirements[0]"),
        new Case(
            "requirement with an operator and no fact",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/1/requirements/0", "{\"min\": \"16Gi\"}"),
            "required(fact) at $.spec.variants[1].requirements[0]"),
        new Case(
            "validator arguments without a rule",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/1/requirements/0/with", "{\"x\": 1}"),
            "dependentRequired(with) at $.spec.variants[1].requirements[0]"),
        new Case(
            "version scheme unknown",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/requirements/4/scheme", "calver"),
            "enum at $.spec.variants[0].requirements[4].scheme"),
        new Case(
            "includes with nothing",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/1/requirements/1/includes", "[]"),
            "minItems at $.spec.variants[1].requirements[1].includes"),
        new Case(
            "fact name with a space",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/1/requirements/0/fact", "cpu arch"),
            "pattern at $.spec.variants[1].requirements[0].fact"),
        new Case(
            "parameter with value and expr",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/parameters/workers/expr", "gpu.count"),
            "oneOf at $.spec.variants[0].parameters.workers"),
        new Case(
            "parameter bound without expr",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/parameters/workers/max", "8"),
            "dependentRequired(max) at $.spec.variants[0].parameters.workers"),
        new Case(
            "check timeout '1 minute'",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/checks/0/timeout", "1 minute"),
            "pattern at $.spec.variants[0].checks[0].timeout"),
        new Case(
            "run with an unknown field",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"shell\": true}"),
            "additionalProperties(shell) at $.spec.variants[0].run"),
        new Case(
            "run without command",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/run", "{\"instances\": 2}"),
            "required(command) at $.spec.variants[0].run"),
        new Case(
            "run with an empty command",
            GPU_RELEASE,
            d -> set(d, "/spec/variants/0/run", "{\"command\": []}"),
            "minItems at $.spec.variants[0].run.command"),
        new Case(
            "run with no instances",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"instances\": 0}"),
            "minimum at $.spec.variants[0].run.instances"),
        new Case(
            "run with 101 instances",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"instances\": 101}"),
            "maximum at $.spec.variants[0].run.instances"),
        new Case(
            "run with 1.5 instances",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"instances\": 1.5}"),
            "type at $.spec.variants[0].run.instances"),
        new Case(
            "stop timeout '10 seconds'",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"stopTimeout\": \"10 seconds\"}"),
            "pattern at $.spec.variants[0].run.stopTimeout"),
        new Case(
            "readiness path without '/'",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"readinessPath\": \"healthz\"}"),
            "pattern at $.spec.variants[0].run.readinessPath"),
        new Case(
            "secret env value written in place",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"env\": {\"DB_PASSWORD\": \"hunter2\"}}"),
            "type at $.spec.variants[0].run.env.DB_PASSWORD"),
        new Case(
            "token env value written in place",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"env\": {\"GITHUB_TOKEN\": \"ghp_x\"}}"),
            "type at $.spec.variants[0].run.env.GITHUB_TOKEN"),
        new Case(
            "secret env value that is no reference",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"env\": {\"API_KEY\": {\"secretRef\": \"hunter2\"}}}"),
            "pattern at $.spec.variants[0].run.env.API_KEY.secretRef"),
        new Case(
            "plain env value with an unknown field",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"env\": {\"MODE\": {\"secretRef\": \"env:X\", \"value\": \"a\"}}}"),
            "additionalProperties(value) at $.spec.variants[0].run.env.MODE"),
        new Case(
            "env value that is a list",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"env\": {\"MODE\": [\"a\"]}}"),
            "type at $.spec.variants[0].run.env.MODE"),
        new Case(
            "env name with a dash",
            GPU_RELEASE,
            d ->
                set(
                    d,
                    "/spec/variants/0/run",
                    "{\"command\": [\"./serve\", \"--port\", \"{{port}}\"], \"env\": {\"LOG-LEVEL\": \"info\"}}"),
            "propertyNames(LOG-LEVEL) at $.spec.variants[0].run.env"),
        new Case(
            "commit of 7 digits",
            GPU_RELEASE,
            d -> set(d, "/spec/provenance/commit", "b52e344"),
            "pattern at $.spec.provenance.commit"),
        new Case(
            "dataset without digest",
            GPU_RELEASE,
            d -> remove(d, "/spec/provenance/dataset/sha256"),
            "required(sha256) at $.spec.provenance.dataset"),
        new Case(
            "dependency without range",
            "releases/checkout-web-3.2.0.yaml",
            d -> remove(d, "/spec/dependencies/0/api"),
            "required(api) at $.spec.dependencies[0]"),
        new Case(
            "api version not semver",
            GPU_RELEASE,
            d -> set(d, "/spec/api/version", "v1"),
            "pattern at $.spec.api.version"),
        // Policy
        new Case(
            "effect unknown",
            POLICY,
            d -> set(d, "/spec/effect", "block"),
            "enum at $.spec.effect"),
        new Case(
            "policy without rule",
            POLICY,
            d -> remove(d, "/spec/rule"),
            "required(rule) at $.spec"),
        new Case(
            "selector operator in lower case",
            POLICY,
            d -> set(d, "/spec/selector/matchExpressions/0/operator", "in"),
            "enum at $.spec.selector.matchExpressions[0].operator"),
        new Case(
            "In without values",
            POLICY,
            d -> remove(d, "/spec/selector/matchExpressions/0/values"),
            "required(values) at $.spec.selector.matchExpressions[0]"),
        new Case(
            "Exists with values",
            POLICY,
            d -> set(d, "/spec/selector/matchExpressions/0/operator", "Exists"),
            "maxItems at $.spec.selector.matchExpressions[0].values"),
        new Case(
            "selector with unknown field",
            POLICY,
            d -> set(d, "/spec/selector/matchFields", "{}"),
            "additionalProperties(matchFields) at $.spec.selector"),
        // Strategy
        new Case(
            "weight 101",
            CANARY,
            d -> set(d, "/spec/canary/steps/0/setWeight", "101"),
            "maximum at $.spec.canary.steps[0].setWeight"),
        new Case(
            "weight -1",
            CANARY,
            d -> set(d, "/spec/canary/steps/0/setWeight", "-1"),
            "minimum at $.spec.canary.steps[0].setWeight"),
        new Case(
            "weight 12.5",
            CANARY,
            d -> set(d, "/spec/canary/steps/0/setWeight", "12.5"),
            "type at $.spec.canary.steps[0].setWeight"),
        new Case(
            "pause '5 minutes'",
            CANARY,
            d -> set(d, "/spec/canary/steps/1/pause/duration", "5 minutes"),
            "pattern at $.spec.canary.steps[1].pause.duration"),
        new Case(
            "pause with a bare number",
            CANARY,
            d -> set(d, "/spec/canary/steps/1/pause/duration", "300"),
            "type at $.spec.canary.steps[1].pause.duration"),
        new Case(
            "step with two actions",
            CANARY,
            d -> set(d, "/spec/canary/steps/0/pause", "{}"),
            "maxProperties at $.spec.canary.steps[0]"),
        new Case(
            "step with no action",
            CANARY,
            d -> set(d, "/spec/canary/steps/0", "{}"),
            "minProperties at $.spec.canary.steps[0]"),
        new Case(
            "misspelt step",
            CANARY,
            d -> set(d, "/spec/canary/steps/0", "{\"setWeigth\": 10}"),
            "additionalProperties(setWeigth) at $.spec.canary.steps[0]"),
        new Case(
            "analysis without templates",
            CANARY,
            d -> remove(d, "/spec/canary/steps/2/analysis/templates"),
            "required(templates) at $.spec.canary.steps[2].analysis"),
        new Case(
            "promote with settings",
            CANARY,
            d -> set(d, "/spec/canary/steps/6/promote", "{\"full\": true}"),
            "additionalProperties(full) at $.spec.canary.steps[6].promote"),
        new Case(
            "canary and rolling", CANARY, d -> set(d, "/spec/rolling", "{}"), "oneOf at $.spec"),
        new Case("no method", CANARY, d -> remove(d, "/spec/canary"), "oneOf at $.spec"),
        new Case(
            "abort action unknown",
            CANARY,
            d -> set(d, "/spec/abort/onFailure", "retry"),
            "enum at $.spec.abort.onFailure"),
        new Case(
            "maxSurge 150%",
            ROLLING,
            d -> set(d, "/spec/rolling/maxSurge", "150%"),
            "pattern at $.spec.rolling.maxSurge"),
        new Case(
            "maxUnavailable -1",
            ROLLING,
            d -> set(d, "/spec/rolling/maxUnavailable", "-1"),
            "minimum at $.spec.rolling.maxUnavailable"),
        // AnalysisTemplate
        new Case(
            "template without metrics",
            ANALYSIS,
            d -> set(d, "/spec/metrics", "[]"),
            "minItems at $.spec.metrics"),
        new Case(
            "count 0",
            ANALYSIS,
            d -> set(d, "/spec/metrics/0/count", "0"),
            "minimum at $.spec.metrics[0].count"),
        new Case(
            "negative failure limit",
            ANALYSIS,
            d -> set(d, "/spec/metrics/0/failureLimit", "-1"),
            "minimum at $.spec.metrics[0].failureLimit"),
        new Case(
            "metric with unknown field",
            ANALYSIS,
            d -> set(d, "/spec/metrics/0/query", "up"),
            "additionalProperties(query) at $.spec.metrics[0]"),
        new Case(
            "metric without provider",
            ANALYSIS,
            d -> remove(d, "/spec/metrics/0/provider"),
            "required(provider) at $.spec.metrics[0]"),
        new Case(
            "two providers",
            ANALYSIS,
            d ->
                set(
                    d,
                    "/spec/metrics/0/provider/scrape",
                    "{\"path\": \"/metrics\", \"metric\": \"up\"}"),
            "maxProperties at $.spec.metrics[0].provider"),
        new Case(
            "no provider",
            ANALYSIS,
            d -> set(d, "/spec/metrics/0/provider", "{}"),
            "minProperties at $.spec.metrics[0].provider"),
        new Case(
            "unknown provider",
            ANALYSIS,
            d -> set(d, "/spec/metrics/0/provider", "{\"datadog\": {}}"),
            "additionalProperties(datadog) at $.spec.metrics[0].provider"),
        new Case(
            "confidence 1",
            ANALYSIS,
            d -> set(d, "/spec/judge/mannWhitney/confidence", "1"),
            "exclusiveMaximum at $.spec.judge.mannWhitney.confidence"),
        new Case(
            "pass threshold 120",
            ANALYSIS,
            d -> set(d, "/spec/judge/mannWhitney/pass", "120"),
            "maximum at $.spec.judge.mannWhitney.pass"),
        new Case(
            "judged metric given as a number",
            ANALYSIS,
            d -> set(d, "/spec/judge/metrics/1", "7"),
            "type at $.spec.judge.metrics[1]"),
        new Case(
            "judged metric direction 'up'",
            ANALYSIS,
            d -> set(d, "/spec/judge/metrics/0/direction", "\"up\""),
            "enum at $.spec.judge.metrics[0].direction"),
        new Case(
            "judged metric with an unknown setting",
            ANALYSIS,
            d -> set(d, "/spec/judge/metrics/0/muted", "true"),
            "additionalProperties(muted) at $.spec.judge.metrics[0]"),
        new Case(
            "judged metric without a name",
            ANALYSIS,
            d -> remove(d, "/spec/judge/metrics/0/name"),
            "required(name) at $.spec.judge.metrics[0]"),
        new Case(
            "allowedDecrease 1.5",
            ANALYSIS,
            d -> set(d, "/spec/judge/metrics/0/effectSize/allowedDecrease", "1.5"),
            "maximum at $.spec.judge.metrics[0].effectSize.allowedDecrease"),
        new Case(
            "outlier strategy 'drop'",
            ANALYSIS,
            d -> set(d, "/spec/judge/metrics/0/outliers/strategy", "\"drop\""),
            "enum at $.spec.judge.metrics[0].outliers.strategy"),
        new Case(
            "judged metric weight 0",
            ANALYSIS,
            d -> set(d, "/spec/judge/metrics/0/weight", "0"),
            "exclusiveMinimum at $.spec.judge.metrics[0].weight"),
        new Case(
            "group weight 120",
            ANALYSIS,
            d -> set(d, "/spec/judge/groups", "{\"default\": 120}"),
            "maximum at $.spec.judge.groups.default"),
        new Case(
            "negative tolerance",
            ANALYSIS,
            d -> set(d, "/spec/judge/mannWhitney/tolerance", "-0.1"),
            "minimum at $.spec.judge.mannWhitney.tolerance"),
        new Case(
            "slo 100",
            ANALYSIS,
            d -> set(d, "/spec/burnRate/slo", "100"),
            "exclusiveMaximum at $.spec.burnRate.slo"),
        new Case(
            "burn-rate window '1 hour'",
            ANALYSIS,
            d -> set(d, "/spec/burnRate/windows/0/long", "1 hour"),
            "pattern at $.spec.burnRate.windows[0].long"),
        // Pipeline
        new Case(
            "pipeline without stages",
            PIPELINE,
            d -> remove(d, "/spec/stages"),
            "required(stages) at $.spec"),
        new Case(
            "stage with environments and selector",
            PIPELINE,
            d -> set(d, "/spec/stages/0/selector", "{}"),
            "oneOf at $.spec.stages[0]"),
        new Case(
            "stage with neither",
            PIPELINE,
            d -> remove(d, "/spec/stages/0/environments"),
            "oneOf at $.spec.stages[0]"),
        new Case(
            "stage Bad_Name",
            PIPELINE,
            d -> set(d, "/spec/stages/0/name", "Bad_Name"),
            "pattern at $.spec.stages[0].name"),
        new Case(
            "soak '1 day'",
            PIPELINE,
            d -> set(d, "/spec/stages/2/gates/soak", "1 day"),
            "pattern at $.spec.stages[2].gates.soak"),
        new Case(
            "approval gate as text",
            PIPELINE,
            d -> set(d, "/spec/stages/2/gates/approval", "\"yes\""),
            "type at $.spec.stages[2].gates.approval"),
        new Case(
            "unknown gate",
            PIPELINE,
            d -> set(d, "/spec/stages/2/gates/manual", "true"),
            "additionalProperties(manual) at $.spec.stages[2].gates"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void the_schema_refuses(Case c) {
    ObjectNode document = Examples.named(c.example());
    Kind kind = Kind.fromDisplayName(document.path("kind").asText()).orElseThrow();
    assertThat(SchemaValidation.validate(kind, document)).as("the example itself").isEmpty();

    c.breakIt().accept(document);

    assertThat(SchemaValidation.violations(kind, document)).contains(c.expected());
  }

  /** Sets the node at a JSON pointer: the value as JSON when it is JSON, else as a string. */
  private static void set(ObjectNode document, String pointer, String value) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = document.at(at.head());
    JsonNode node = json(value);
    if (parent instanceof ArrayNode array) {
      array.set(at.last().getMatchingIndex(), node);
    } else {
      ((ObjectNode) parent).set(at.last().getMatchingProperty(), node);
    }
  }

  private static void remove(ObjectNode document, String pointer) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = document.at(at.head());
    assertThat(parent.has(at.last().getMatchingProperty())).as("%s exists", pointer).isTrue();
    ((ObjectNode) parent).remove(at.last().getMatchingProperty());
  }

  private static JsonNode json(String value) {
    try {
      return STRICT_JSON.readTree(value);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(value);
    }
  }
}
