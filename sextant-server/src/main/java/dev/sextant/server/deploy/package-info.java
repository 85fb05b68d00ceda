/** Deploying: a release planned, then rolled out under the environment's lock, and undone. */
package dev.sextant.server.deploy;
