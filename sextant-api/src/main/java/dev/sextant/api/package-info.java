/** The API as its clients see it: request and response records, SextantApi, and one HTTP client. */
package dev.sextant.api;
