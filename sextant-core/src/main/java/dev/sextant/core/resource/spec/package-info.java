/**
 * The typed specs of each kind of resource, read from a document that has already passed its JSON
 * Schema ({@code dev/sextant/core/schema/<Kind>.schema.json}). {@link
 * dev.sextant.core.resource.spec.Specs#read} is the one entry point; it also checks what a schema
 * cannot say (positive durations, unique names, references between parts of one spec).
 */
package dev.sextant.core.resource.spec;
