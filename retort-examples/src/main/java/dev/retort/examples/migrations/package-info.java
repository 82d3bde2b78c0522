/**
 * The library's migrations, as {@code docs/migrations.md} writes them: a base, a second revision,
 * two branches made side by side and the merge revision that joins them. The head is what
 * {@link dev.retort.examples.LibraryModel} describes.
 */
package dev.retort.examples.migrations;
