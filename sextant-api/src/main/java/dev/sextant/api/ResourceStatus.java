package dev.sextant.api;

/**
 * A revision's facts without its document: the {@code status} block of a resource, and an item of
 * {@code GET /api/v1/{kind}/{name}/revisions}. {@code appliedAt} is an ISO-8601 instant.
 */
public record ResourceStatus(long revision, String digest, String appliedBy, String appliedAt) {}
