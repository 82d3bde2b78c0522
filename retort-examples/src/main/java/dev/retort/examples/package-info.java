/**
 * The quickstart that the README runs, and the code samples that the documentation shows. Each
 * sample sits between {@code // tag::name[]} and {@code // end::name[]} markers; the docs quote
 * those regions and a test checks that they match, so the docs only show code that compiles
 * and runs.
 */
package dev.retort.examples;
