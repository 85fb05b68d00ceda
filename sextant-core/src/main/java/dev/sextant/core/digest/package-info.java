/** Content digests: sha256 over canonical JSON, so equal content has equal digests. */
package dev.sextant.core.digest;
