package dev.sextant.cli;

/**
 * A write the server confirmed with a 2xx answer: the subject, the revision it gave, its digest.
 */
record Confirmed(String subject, long revision, String digest) {
  /** Where the revision is read back. */
  String path() {
    return subject + "/" + revision;
  }
}
