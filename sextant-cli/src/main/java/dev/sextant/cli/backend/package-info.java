/** Where commands read and write resources: the local store, or a running server over HTTP. */
package dev.sextant.cli.backend;
