/**
 * The entities of the relationships guide's section on tables that refer to each other: a
 * department managed by one of its employees.
 */
package dev.retort.examples.cycles;
