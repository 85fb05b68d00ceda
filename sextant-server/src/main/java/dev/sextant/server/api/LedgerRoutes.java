package dev.sextant.server.api;

import dev.sextant.api.LedgerCheck;
import dev.sextant.api.LedgerConsistencyProof;
import dev.sextant.api.LedgerHead;
import dev.sextant.api.LedgerInclusionProof;
import dev.sextant.api.LedgerLog;
import dev.sextant.api.LedgerLogItem;
import dev.sextant.core.access.Permission;
import dev.sextant.core.ledger.EvidenceBundleJson;
import dev.sextant.core.ledger.LedgerEntry;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.ledger.ConsistencyProof;
import dev.sextant.server.ledger.EvidenceQuery;
import dev.sextant.server.ledger.EvidenceRefusal;
import dev.sextant.server.ledger.InclusionProof;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerProblem;
import dev.sextant.server.ledger.LedgerVerdict;
import dev.sextant.server.store.LedgerLogLine;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The ledger: {@code GET /api/v1/ledger/head} gives the latest signed tree head, {@code POST
 * /api/v1/ledger/heads} signs one now, {@code GET /api/v1/ledger/entries} lists the leaves, and
 * {@code GET /api/v1/ledger/verify} checks the ledger against the events as they are now, {@code
 * GET /api/v1/ledger/proofs/inclusion} and {@code .../consistency} give RFC 9162 proofs, and {@code
 * GET /api/v1/ledger/bundle} an evidence bundle. The log covers every environment, so reading it
 * asks read everywhere, and signing a head asks administer everywhere; a bundle signs a head when
 * the latest does not cover it, as the schedule would soon, which adds evidence and changes no
 * state.
 */
final class LedgerRoutes {
  private static final int MAX_LIST = 1000;
  private static final long MAX_SEQ = LedgerEntry.MAX_SEQUENCE;
  private static final HexFormat HEX = HexFormat.of();

  private final Ledger ledger;

  LedgerRoutes(Ledger ledger) {
    this.ledger = ledger;
  }

  void register(RouteTable app) {
    app.get(
        "/api/v1/ledger/head",
        Access.needs(Permission.READ, Access.Scope.EVERYWHERE),
        ctx ->
            Responses.record(
                ctx,
                200,
                of(
                    ledger
                        .latest()
                        .orElseThrow(
                            () -> ApiException.notFound("no ledger tree head was signed yet")))));
    app.post(
        "/api/v1/ledger/heads",
        RouteTable.JSON,
        Access.needs(Permission.ADMINISTER, Access.Scope.EVERYWHERE),
        ctx -> {
          if (ctx.contentLength() > 0) {
            Bodies.object(ctx);
          }
          Ledger.Published published = ledger.publish();
          Responses.record(ctx, published.signedNow() ? 201 : 200, of(published.head()));
        });
    app.get(
        "/api/v1/ledger/entries",
        Access.needs(Permission.READ, Access.Scope.EVERYWHERE),
        ctx -> {
          String after = ctx.queryParam("after");
          long from = after == null ? 0 : Params.positive(after, "query parameter after", MAX_SEQ);
          List<LedgerLogItem> items =
              ledger.log(from, Params.limit(ctx, 100, MAX_LIST)).stream()
                  .map(
                      line ->
                          new LedgerLogItem(
                              line.sequence(),
                              line.type(),
                              line.subject(),
                              line.actor(),
                              inputs(line),
                              line.leafHash()))
                  .toList();
          Responses.record(ctx, 200, new LedgerLog(items));
        });
    app.get(
        "/api/v1/ledger/verify",
        Access.needs(Permission.READ, Access.Scope.EVERYWHERE),
        ctx -> Responses.record(ctx, 200, of(ledger.verify())));
    app.get(
        "/api/v1/ledger/proofs/inclusion",
        Access.needs(Permission.READ, Access.Scope.EVERYWHERE),
        ctx -> {
          long sequence = required(ctx, "sequence");
          String size = ctx.queryParam("treeSize");
          OptionalLong treeSize =
              size == null
                  ? OptionalLong.empty()
                  : OptionalLong.of(Params.positive(size, "query parameter treeSize", MAX_SEQ));
          Responses.record(ctx, 200, of(refused(() -> ledger.inclusion(sequence, treeSize))));
        });
    app.get(
        "/api/v1/ledger/proofs/consistency",
        Access.needs(Permission.READ, Access.Scope.EVERYWHERE),
        ctx -> {
          long from = required(ctx, "from");
          long to = required(ctx, "to");
          Responses.record(ctx, 200, of(refused(() -> ledger.consistency(from, to))));
        });
    app.get(
        "/api/v1/ledger/bundle",
        Access.needs(Permission.READ, Access.Scope.EVERYWHERE),
        ctx -> {
          EvidenceQuery query = EvidenceQueries.of(ctx);
          // Made before the answer is begun, so that a refusal's problem+json starts clean.
          byte[] bundle = EvidenceBundleJson.write(refused(() -> ledger.export(query)));
          ctx.status(200).contentType("application/json").result(bundle);
        });
  }

  /** A query parameter the route cannot do without: a whole number from 1. */
  private static long required(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null) {
      throw ApiException.invalidParameter(
          "query parameter " + name + " is missing: expected a whole number from 1 to " + MAX_SEQ);
    }
    return Params.positive(text, "query parameter " + name, MAX_SEQ);
  }

  /** What the ledger refuses, as the answer it becomes: a range is a bad parameter (400). */
  private static <T> T refused(Supplier<T> call) {
    try {
      return call.get();
    } catch (EvidenceRefusal refusal) {
      throw switch (refusal.reason()) {
        case OUT_OF_RANGE -> ApiException.invalidParameter(refusal.getMessage());
        case NOT_FOUND -> ApiException.notFound(refusal.getMessage());
        case LEDGER_DAMAGED -> refusal;
      };
    }
  }

  static LedgerInclusionProof of(InclusionProof proof) {
    return new LedgerInclusionProof(
        proof.sequence(),
        proof.leafIndex(),
        proof.treeSize(),
        HEX.formatHex(proof.leafHash()),
        hex(proof.auditPath()),
        HEX.formatHex(proof.rootHash()),
        proof.head().map(LedgerRoutes::of));
  }

  static LedgerConsistencyProof of(ConsistencyProof proof) {
    return new LedgerConsistencyProof(
        proof.from(),
        proof.to(),
        HEX.formatHex(proof.fromRoot()),
        HEX.formatHex(proof.toRoot()),
        hex(proof.path()),
        proof.fromHead().map(LedgerRoutes::of),
        proof.toHead().map(LedgerRoutes::of));
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private static Map<String, String> inputs(LedgerLogLine line) {
    Map<String, String> inputs = new TreeMap<>();
    line.inputs().forEach((name, digest) -> inputs.put(name, digest.value()));
    return inputs;
  }

  static LedgerHead of(SignedTreeHead head) {
    return new LedgerHead(
        head.treeSize(),
        HexFormat.of().formatHex(head.rootHash()),
        head.timestamp(),
        head.keyId(),
        Base64.getEncoder().encodeToString(head.signature()));
  }

  static LedgerCheck of(LedgerVerdict verdict) {
    return new LedgerCheck(
        verdict.verified(),
        verdict.entries(),
        verdict.heads(),
        verdict.firstProblem().map(LedgerProblem::sequence),
        verdict.firstProblem().map(p -> p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')),
        verdict.firstProblem().map(LedgerProblem::explanation));
  }
}
