package dev.retort.dialect;

import dev.retort.CompileException;
import dev.retort.sql.StatementVisitor;
import dev.retort.sql.TextClause;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders statements as SQL for one dialect. This default compiler renders the SQL that all
 * supported databases share; a dialect subclasses it and overrides only what differs.
 *
 * <p>A compiler instance renders one statement and is then thrown away: it is not thread-safe.
 */
public class SqlCompiler implements StatementVisitor<CompiledStatement> {
    /** The dialect this compiler renders for. */
    protected final Dialect dialect;
    /** The SQL rendered so far. */
    protected final StringBuilder sql = new StringBuilder(128);
    /** The parameter names, one per placeholder rendered so far. */
    protected final List<String> parameters = new ArrayList<>();

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect to render for
     */
    public SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public CompiledStatement visitText(TextClause text) {
        for (TextClause.Piece piece : text.pieces()) {
            switch (piece.kind()) {
                case SQL -> sql.append(piece.text());
                case PARAMETER -> bindParameter(piece.text());
                case QUESTION_MARK -> renderQuestionMark(text, piece);
            }
        }
        return new CompiledStatement(sql.toString(), parameters);
    }

    /**
     * Renders a placeholder for a named parameter.
     *
     * @param name the parameter's name
     */
    protected void bindParameter(String name) {
        sql.append('?');
        parameters.add(name);
    }

    /**
     * Renders a bare {@code ?} found in text SQL. JDBC would take it for a placeholder, so the
     * default refuses it; PostgreSQL renders it escaped.
     *
     * @param text the statement
     * @param piece the question mark
     */
    protected void renderQuestionMark(TextClause text, TextClause.Piece piece) {
        throw new CompileException("text(): a bare '?' at offset " + piece.offset() + " cannot be sent to "
                + dialect.displayName() + ": JDBC would read it as a positional placeholder. "
                + "Use a named parameter such as :value instead.");
    }
}
