/**
 * The Chinook sample database ({@code shared/datasets/chinook}) mapped as entities on its own
 * schema, as its SQLite and MariaDB scripts create it (PascalCase names), and tests of realistic
 * use on the real data.
 */
@Naming(PascalCase.class)
package dev.retort.orm.chinook;

import dev.retort.orm.Naming;
