/** The operations on declared resources that the API and the CLI share, over the store. */
package dev.sextant.server.service;
