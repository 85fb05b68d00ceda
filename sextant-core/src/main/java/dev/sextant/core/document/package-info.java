/** Reading YAML and JSON documents safely, keeping the position of every field. */
package dev.sextant.core.document;
