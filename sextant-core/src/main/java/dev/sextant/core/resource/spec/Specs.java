package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import java.io.IOException;
import java.time.Duration;

/** Reads a resource's spec into its typed record. */
public final class Specs {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(
              new SimpleModule("go-durations").addDeserializer(Duration.class, new GoDuration()))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Free-form parts (a rule's `with`) keep numbers as written: 12.10 must not become 12.1.
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private Specs() {}

  /**
   * The typed spec of a document that passed its kind's schema.
   *
   * @throws InvalidSpecException when the spec breaks a rule the schema cannot state (a zero
   *     duration, duplicate names, a reference to a missing part), or does not match the schema
   */
  public static Spec read(Kind kind, JsonNode spec) {
    try {
      return MAPPER.treeToValue(spec, type(kind));
    } catch (JsonMappingException e) {
      String field = field(e);
      if (e.getCause() instanceof FieldException refused) {
        field = field + "." + refused.relativeField();
      }
      throw new InvalidSpecException(kind, field, reason(e), e);
    } catch (IOException e) {
      throw new InvalidSpecException(kind, "spec", e.getMessage(), e);
    }
  }

  /** The typed spec of a validated resource. */
  public static Spec read(Resource resource) {
    return read(resource.kind(), resource.spec());
  }

  /** The record type that holds a kind's spec. */
  public static Class<? extends Spec> type(Kind kind) {
    return switch (kind) {
      case ENVIRONMENT -> EnvironmentSpec.class;
      case SERVICE -> ServiceSpec.class;
      case RELEASE -> ReleaseSpec.class;
      case POLICY -> PolicySpec.class;
      case STRATEGY -> StrategySpec.class;
      case ANALYSIS_TEMPLATE -> AnalysisTemplateSpec.class;
      case PIPELINE -> PipelineSpec.class;
      case NOTIFIER -> NotifierSpec.class;
    };
  }

  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder("spec");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String reason(JsonMappingException e) {
    // A record constructor's own check is the clearest reason; Jackson only wraps it.
    if (e instanceof ValueInstantiationException
        && e.getCause() instanceof IllegalArgumentException) {
      return e.getCause().getMessage();
    }
    return e.getOriginalMessage();
  }

  /** Durations are written Go-style and must be positive. */
  private static final class GoDuration extends StdScalarDeserializer<Duration> {
    private static final long serialVersionUID = 1L;

    GoDuration() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, e.getMessage(), e);
      }
    }
  }
}
