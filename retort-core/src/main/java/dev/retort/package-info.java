/**
 * Retort's root package: the exception hierarchy rooted at {@link dev.retort.RetortException},
 * with database errors classified by SQLSTATE under {@link dev.retort.DatabaseException}, and
 * vocabulary shared by every layer such as {@link dev.retort.IsolationLevel}.
 */
package dev.retort;
