/**
 * The trust store: the public keys whose signatures policies believe, added and revoked by admins.
 */
package dev.sextant.server.trust;
