package dev.sextant.api;

import java.util.List;

/** Leaves of the ledger in sequence order. */
public record LedgerLog(List<LedgerLogItem> items) {}
