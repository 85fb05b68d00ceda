/** Declared resources (sextant.dev/v1): their kinds, metadata and identities. */
package dev.sextant.core.resource;
