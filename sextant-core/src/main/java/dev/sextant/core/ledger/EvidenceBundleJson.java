package dev.sextant.core.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An evidence bundle's file: its RFC 8785 form on one line, ending in a newline.
 *
 * <pre>{@code
 * {"apiVersion":"sextant.dev/v1","kind":"EvidenceBundle",
 *  "selection":{"rollout":"r-7","since":"…","until":"…"},
 *  "treeHead":{"treeSize":42,"rootHash":"<hex>","timestamp":"…","keyId":"<hex>","signature":"<b64>"},
 *  "entries":[{"leafIndex":6,"entry":{…the ledger entry…},"canonical":"<its JCS text>",
 *              "inclusionProof":["<hex>",…]},…],
 *  "inputs":[{"name":"plan","digest":"sha256:<hex>"},…],
 *  "approvals":[9],"analyses":[12,13],
 *  "signature":"<b64>"}
 * }</pre>
 *
 * Hashes are lower-case hex and signatures standard base64, each with one spelling only, and the
 * file must be exactly its canonical form: so that no byte of it can change without the bundle
 * failing, which the check of its meaning alone could not promise (JSON has many spellings of one
 * document). Reading checks the form and types; {@link BundleVerifier} checks the evidence.
 */
public final class EvidenceBundleJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<String> TOP =
      Set.of(
          "apiVersion",
          "kind",
          "selection",
          "treeHead",
          "entries",
          "inputs",
          "approvals",
          "analyses",
          "signature");
  private static final Set<String> HEAD =
      Set.of("treeSize", "rootHash", "timestamp", "keyId", "signature");
  private static final Set<String> BUNDLED =
      Set.of("leafIndex", "entry", "canonical", "inclusionProof");
  private static final Set<String> ENTRY =
      Set.of("sequence", "type", "subject", "actor", "at", "inputs", "payload");
  private static final Set<String> INPUT = Set.of("name", "digest");

  private EvidenceBundleJson() {}

  /** The file: the bundle's RFC 8785 form and a newline. */
  public static byte[] write(EvidenceBundle bundle) {
    ObjectNode json = unsigned(bundle);
    json.put("signature", Base64.getEncoder().encodeToString(bundle.signature()));
    byte[] canonical = Jcs.canonical(json);
    byte[] file = Arrays.copyOf(canonical, canonical.length + 1);
    file[canonical.length] = '\n';
    return file;
  }

  /** Every member but the signature: what the signature covers. */
  static ObjectNode unsigned(EvidenceBundle bundle) {
    ObjectNode json = NODES.objectNode();
    json.put("apiVersion", EvidenceBundle.API_VERSION);
    json.put("kind", EvidenceBundle.KIND);
    ObjectNode selection = json.putObject("selection");
    bundle.selection().forEach(selection::put);
    SignedTreeHead head = bundle.treeHead();
    json.putObject("treeHead")
        .put("treeSize", head.treeSize())
        .put("rootHash", HEX.formatHex(head.rootHash()))
        .put("timestamp", head.timestamp())
        .put("keyId", head.keyId())
        .put("signature", Base64.getEncoder().encodeToString(head.signature()));
    ArrayNode entries = json.putArray("entries");
    for (BundledEntry bundled : bundle.entries()) {
      ObjectNode item = entries.addObject();
      item.put("leafIndex", bundled.leafIndex());
      item.set("entry", parse(bundled.entry().canonicalBytes()));
      item.put("canonical", bundled.canonical());
      ArrayNode proof = item.putArray("inclusionProof");
      bundled.inclusionProof().forEach(hash -> proof.add(HEX.formatHex(hash)));
    }
    ArrayNode inputs = json.putArray("inputs");
    bundle
        .inputs()
        .forEach(
            input ->
                inputs.addObject().put("name", input.name()).put("digest", input.digest().value()));
    bundle.approvals().forEach(json.putArray("approvals")::add);
    bundle.analyses().forEach(json.putArray("analyses")::add);
    return json;
  }

  /**
   * Reads a bundle's file.
   *
   * @throws LedgerException naming what is wrong and where, when the file is no evidence bundle in
   *     its canonical form
   */
  public static EvidenceBundle read(byte[] file) {
    JsonNode json = parse(file);
    if (!json.isObject()
        || !EvidenceBundle.KIND.equals(json.path("kind").asText(null))
        || !EvidenceBundle.API_VERSION.equals(json.path("apiVersion").asText(null))) {
      throw invalid(
          "expected a JSON object with \"apiVersion\": \""
              + EvidenceBundle.API_VERSION
              + "\" and \"kind\": \""
              + EvidenceBundle.KIND
              + "\"");
    }
    byte[] canonical = Jcs.canonical(new String(file, StandardCharsets.UTF_8));
    byte[] expected = Arrays.copyOf(canonical, canonical.length + 1);
    expected[canonical.length] = '\n';
    if (!Arrays.equals(file, expected)) {
      throw invalid(
          "the file is not in its canonical form (RFC 8785 on one line, then a newline):"
              + " it was reformatted or a byte of it changed");
    }
    members(json, "the bundle", TOP);
    return new EvidenceBundle(
        selection(json.get("selection")),
        head(json.get("treeHead")),
        entries(json.get("entries")),
        inputs(json.get("inputs")),
        sequences(json.get("approvals"), "approvals"),
        sequences(json.get("analyses"), "analyses"),
        base64(json.get("signature"), "signature"));
  }

  private static SortedMap<String, String> selection(JsonNode json) {
    if (!json.isObject()) {
      throw invalid("selection is not an object");
    }
    SortedMap<String, String> selection = new TreeMap<>();
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      selection.put(name, text(json.get(name), "selection." + name));
    }
    return selection;
  }

  private static SignedTreeHead head(JsonNode json) {
    members(json, "treeHead", HEAD);
    return new SignedTreeHead(
        number(json.get("treeSize"), "treeHead.treeSize"),
        hex(json.get("rootHash"), "treeHead.rootHash"),
        text(json.get("timestamp"), "treeHead.timestamp"),
        text(json.get("keyId"), "treeHead.keyId"),
        base64(json.get("signature"), "treeHead.signature"));
  }

  private static List<BundledEntry> entries(JsonNode json) {
    if (!json.isArray()) {
      throw invalid("entries is not an array");
    }
    List<BundledEntry> entries = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      String where = "entries[" + i + "]";
      JsonNode item = json.get(i);
      members(item, where, BUNDLED);
      JsonNode proof = item.get("inclusionProof");
      if (!proof.isArray()) {
        throw invalid(where + ".inclusionProof is not an array");
      }
      List<byte[]> hashes = new ArrayList<>();
      for (int j = 0; j < proof.size(); j++) {
        hashes.add(hex(proof.get(j), where + ".inclusionProof[" + j + "]"));
      }
      entries.add(
          new BundledEntry(
              number(item.get("leafIndex"), where + ".leafIndex"),
              entry(item.get("entry"), where + ".entry"),
              text(item.get("canonical"), where + ".canonical"),
              hashes));
    }
    return entries;
  }

  private static LedgerEntry entry(JsonNode json, String where) {
    members(json, where, ENTRY);
    JsonNode inputs = json.get("inputs");
    if (!inputs.isObject()) {
      throw invalid(where + ".inputs is not an object");
    }
    SortedMap<String, Digest> digests = new TreeMap<>();
    for (Iterator<String> names = inputs.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      digests.put(name, digest(inputs.get(name), where + ".inputs." + name));
    }
    try {
      return new LedgerEntry(
          number(json.get("sequence"), where + ".sequence"),
          text(json.get("type"), where + ".type"),
          text(json.get("subject"), where + ".subject"),
          text(json.get("actor"), where + ".actor"),
          text(json.get("at"), where + ".at"),
          digests,
          json.get("payload"));
    } catch (LedgerException e) {
      throw invalid(where + ": " + e.getMessage());
    }
  }

  private static List<BundledInput> inputs(JsonNode json) {
    if (!json.isArray()) {
      throw invalid("inputs is not an array");
    }
    List<BundledInput> inputs = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      String where = "inputs[" + i + "]";
      members(json.get(i), where, INPUT);
      inputs.add(
          new BundledInput(
              text(json.get(i).get("name"), where + ".name"),
              digest(json.get(i).get("digest"), where + ".digest")));
    }
    return inputs;
  }

  private static List<Long> sequences(JsonNode json, String where) {
    if (!json.isArray()) {
      throw invalid(where + " is not an array");
    }
    List<Long> sequences = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      sequences.add(number(json.get(i), where + "[" + i + "]"));
    }
    return sequences;
  }

  private static void members(JsonNode json, String where, Set<String> names) {
    if (json == null || !json.isObject()) {
      throw invalid(where + " is not an object");
    }
    Set<String> found = new TreeSet<>();
    json.fieldNames().forEachRemaining(found::add);
    if (!found.equals(new TreeSet<>(names))) {
      throw invalid(where + " has members " + found + ", expected exactly " + new TreeSet<>(names));
    }
  }

  private static long number(JsonNode json, String where) {
    if (json.isIntegralNumber() && json.canConvertToLong() && json.asLong() >= 0) {
      return json.asLong();
    }
    throw invalid(where + " is " + json + ", expected a whole number from 0");
  }

  private static String text(JsonNode json, String where) {
    if (json.isTextual()) {
      return json.asText();
    }
    throw invalid(where + " is " + json + ", expected a string");
  }

  private static Digest digest(JsonNode json, String where) {
    try {
      return new Digest(text(json, where));
    } catch (IllegalArgumentException e) {
      throw invalid(where + " is not a digest: expected sha256:<64 lower-case hex>");
    }
  }

  /** Lower-case hex only, so that one hash has one spelling. */
  private static byte[] hex(JsonNode json, String where) {
    String text = text(json, where);
    if (text.matches("([0-9a-f]{2})*")) {
      return HEX.parseHex(text);
    }
    throw invalid(where + " is not lower-case hex");
  }

  /** Standard base64 with padding, re-encoded to check it is the one spelling of its bytes. */
  private static byte[] base64(JsonNode json, String where) {
    String text = text(json, where);
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      if (Base64.getEncoder().encodeToString(bytes).equals(text)) {
        return bytes;
      }
    } catch (IllegalArgumentException e) {
      // Reported below, as any other spelling that is not the canonical one.
    }
    throw invalid(where + " is not standard base64 with padding");
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return JSON.readTree(text);
    } catch (CharacterCodingException e) {
      throw invalid("the file is not UTF-8 text");
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw invalid("not JSON" + at + ": " + e.getOriginalMessage());
    }
  }

  private static LedgerException invalid(String why) {
    return new LedgerException("not a valid evidence bundle: " + why);
  }
}
