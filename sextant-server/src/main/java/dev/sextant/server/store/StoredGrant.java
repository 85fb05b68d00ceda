package dev.sextant.server.store;

import dev.sextant.core.access.Grant;
import java.time.Instant;

/** A role granted to an identity, with who granted it and when. */
public record StoredGrant(String identity, Grant grant, Instant granted, String grantedBy) {}
