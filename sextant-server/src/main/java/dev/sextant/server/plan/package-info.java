/** Plans submitted for deployment on the server, and their four-eyes approvals. */
package dev.sextant.server.plan;
