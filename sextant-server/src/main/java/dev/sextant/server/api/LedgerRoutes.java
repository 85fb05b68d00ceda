package dev.sextant.server.api;

import dev.sextant.api.LedgerCheck;
import dev.sextant.api.LedgerHead;
import dev.sextant.api.LedgerLog;
import dev.sextant.api.LedgerLogItem;
import dev.sextant.core.access.Permission;
import dev.sextant.core.ledger.LedgerEntry;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerProblem;
import dev.sextant.server.ledger.LedgerVerdict;
import dev.sextant.server.store.LedgerLogLine;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger: {@code GET /api/v1/ledger/head} gives the latest signed tree head, {@code POST
 * /api/v1/ledger/heads} signs one now, {@code GET /api/v1/ledger/entries} lists the leaves, and
 * {@code GET /api/v1/ledger/verify} checks the ledger against the events as they are now. The log
 * covers every environment, so reading it asks read everywhere, and signing a head asks administer
 * everywhere.
 */
final class LedgerRoutes {
  private static final int MAX_LIST = 1000;
  private static final long MAX_SEQ = LedgerEntry.MAX_SEQUENCE;

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
