/** The HTTP API under /api/v1: resources, revisions, schemas, health, problem+json errors. */
package dev.sextant.server.api;
