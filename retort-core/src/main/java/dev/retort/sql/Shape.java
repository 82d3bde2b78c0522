package dev.retort.sql;

import dev.retort.types.SqlType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement's structure without its values, and its bound parameters in one fixed order.
 * Statements with equal shapes compile to the same SQL, so the shape is the compile cache's key;
 * each anonymous parameter gets the name {@code #n} by its place in that order, which is how a
 * cached compilation finds the values of another statement of the same shape.
 */
public final class Shape {
    private final List<Object> tokens;
    private final List<BindParameter<?>> binds;
    private final IdentityHashMap<BindParameter<?>, String> names;
    private final List<DerivedTable> ctes;
    private final Key key;
    // Read at every execution, so made once (final fields: safely shared between threads).
    private final Map<String, Object> values;
    private final Map<String, SqlType<?>> types;

    /** The token list with its hash computed once: the cache looks it up at every execution. */
    private static final class Key {
        private final List<Object> tokens;
        private final int hash;

        Key(List<Object> tokens) {
            this.tokens = tokens;
            this.hash = tokens.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.hash == hash && k.tokens.equals(tokens);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return tokens.toString();
        }
    }

    private Shape(List<Object> tokens, List<BindParameter<?>> binds, IdentityHashMap<BindParameter<?>, String> names,
                  List<DerivedTable> ctes) {
        this.tokens = tokens;
        this.binds = binds;
        this.names = names;
        this.ctes = ctes;
        this.key = new Key(tokens);
        Map<String, Object> v = new HashMap<>();
        Map<String, SqlType<?>> t = new HashMap<>();
        boolean dynamic = false;
        for (BindParameter<?> b : binds) {
            if (b.name() == null) {
                if (b.isSupplied()) {
                    dynamic = true;       // not called here: a supplier's value is made per execution only
                } else {
                    v.put(names.get(b), b.value());
                }
            }
            t.put(names.get(b), b.type());
        }
        // A value from a supplier (a client-side default) is made anew at every execution.
        this.values = dynamic ? null : v.isEmpty() ? Map.of() : Collections.unmodifiableMap(v);
        this.types = t.isEmpty() ? Map.of() : Collections.unmodifiableMap(t);
    }

    /** @return the common table expressions the statement uses, each after those it uses */
    public List<DerivedTable> ctes() {
        return ctes;
    }

    /**
     * Walks a statement.
     *
     * @param statement the statement
     * @return its shape
     */
    public static Shape of(Walkable statement) {
        Walker w = new Walker();
        statement.walk(w);
        return new Shape(Collections.unmodifiableList(w.tokens), w.binds, w.names, List.copyOf(w.ctes));
    }

    /**
     * The parameter name of a bound parameter of this statement.
     *
     * @param bind the parameter
     * @return its name ({@code #n} for anonymous ones)
     * @throws IllegalArgumentException if it is not part of the statement
     */
    public String nameOf(BindParameter<?> bind) {
        String n = names.get(bind);
        if (n == null) {
            throw new IllegalArgumentException("A bound parameter (" + bind.type() + (bind.name() != null ? " :" + bind.name()
                    : "") + ") is not part of this statement's shape: an expression changed after the statement was built?");
        }
        return n;
    }

    /** @return the structural key: equal for statements that compile to the same SQL */
    public Object key() {
        return key;
    }

    /**
     * The values of the anonymous parameters by name; a parameter whose value comes from a
     * supplier gets a new one at each call.
     *
     * @return the values
     */
    public Map<String, Object> values() {
        if (values != null) {
            return values;
        }
        Map<String, Object> m = new HashMap<>();
        for (BindParameter<?> b : binds) {
            if (b.name() == null) {
                m.put(names.get(b), b.currentValue());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** @return the type of every parameter by name */
    public Map<String, SqlType<?>> types() {
        return types;
    }

    /** Something whose shape can be walked: the statements of the expression language. */
    public interface Walkable {
        /**
         * Reports this statement's structure and parameters to the walker, in a fixed order.
         *
         * @param walker the walker
         */
        void walk(Walker walker);
    }

    /** Collects tokens and parameters while a statement walks itself. */
    public static final class Walker implements ExpressionVisitor<Void>, FromVisitor<Void> {
        private final List<Object> tokens = new ArrayList<>();
        private final List<BindParameter<?>> binds = new ArrayList<>();
        private final IdentityHashMap<BindParameter<?>, String> names = new IdentityHashMap<>();
        private final List<DerivedTable> ctes = new ArrayList<>();
        private final java.util.Set<DerivedTable> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        private Walker() {
        }

        /**
         * Adds a structural token (a keyword, a flag, a count, a name).
         *
         * @param token the token; compared with equals
         * @return this walker
         */
        public Walker token(Object token) {
            tokens.add(token);
            return this;
        }

        /**
         * Walks an expression, or records its absence.
         *
         * @param e the expression, or {@code null}
         * @return this walker
         */
        public Walker expression(Expression<?> e) {
            if (e == null) {
                tokens.add(Marker.NONE);
            } else {
                e.accept(this);
            }
            return this;
        }

        /**
         * Walks expressions, with their count.
         *
         * @param list the expressions
         * @return this walker
         */
        public Walker expressions(List<? extends Expression<?>> list) {
            tokens.add(list.size());
            for (Expression<?> e : list) {
                expression(e);
            }
            return this;
        }

        /**
         * Walks a FROM item.
         *
         * @param item the item
         * @return this walker
         */
        public Walker from(FromItem item) {
            item.accept(this);
            return this;
        }

        private enum Marker { NONE }

        @Override
        public Void visitTable(TableReference table) {
            tokens.add(table);
            return null;
        }

        @Override
        public Void visitJoin(Join join) {
            tokens.add(join.kind());
            tokens.add(join.lateral());
            join.left().accept(this);
            join.right().accept(this);
            expression(join.on());
            return null;
        }

        @Override
        public Void visitAlias(TableAlias alias) {
            tokens.add(alias);
            return null;
        }

        @Override
        public Void visitDerived(DerivedTable d) {
            tokens.add(DerivedTable.class);
            tokens.add(d.name());
            tokens.add(d.isCte());
            if (!d.isCte() || seen.add(d)) {
                if (d.isCte()) {
                    seen.add(d);
                }
                if (d.recursiveBody() != null) {
                    d.recursiveBody().walk(this);
                } else {
                    d.body().walk(this);
                }
                if (d.isCte()) {
                    ctes.add(d);
                }
            }
            return null;
        }

        @Override
        public Void visitValues(ValuesTable v) {
            tokens.add(ValuesTable.class);
            tokens.add(v.name());
            for (ColumnReference<?> c : v.columnReferences()) {
                tokens.add(c.name());
                tokens.add(c.type());
            }
            tokens.add(v.rows().size());
            for (List<Expression<?>> r : v.rows()) {
                expressions(r);
            }
            return null;
        }

        @Override
        public Void visitColumn(ColumnReference<?> column) {
            if (column instanceof ValuesTable.ValuesColumn<?> v) {
                tokens.add(ValuesTable.ValuesColumn.class);
                tokens.add(v.table().name());
                tokens.add(v.name());
                return null;
            }
            if (column instanceof DerivedTable.DerivedColumn<?> d) {
                tokens.add(DerivedTable.DerivedColumn.class);
                tokens.add(d.table().name());
                tokens.add(d.name());
            } else {
                tokens.add(column);
            }
            return null;
        }

        @Override
        public Void visitWindow(WindowFunction<?> wf) {
            tokens.add(WindowFunction.class);
            expression(wf.function());
            expressions(wf.window().partitionBy());
            tokens.add(wf.window().orderBy().size());
            for (OrderItem o : wf.window().orderBy()) {
                expression(o.expression());
                tokens.add(o.descending());
                tokens.add(o.nulls());
            }
            tokens.add(wf.window().frame() == null ? Marker.NONE : wf.window().frame());
            return null;
        }

        @Override
        public Void visitDistinctFrom(DistinctFrom d) {
            tokens.add(DistinctFrom.class);
            tokens.add(d.negated());
            expression(d.left());
            expression(d.right());
            return null;
        }

        @Override
        public Void visitTupleIn(Tuple.TupleIn in) {
            tokens.add(Tuple.TupleIn.class);
            expressions(in.tuple().expressions());
            tokens.add(in.rows().size());
            for (List<Expression<?>> r : in.rows()) {
                expressions(r);
            }
            return null;
        }

        @Override
        public Void visitPortable(PortableFunction<?> f) {
            tokens.add(f.kind());
            tokens.add(f.type());
            tokens.add(f.text() == null ? Marker.NONE : f.text());
            expressions(f.arguments());
            return null;
        }

        @Override
        public Void visitBind(BindParameter<?> bind) {
            if (!names.containsKey(bind)) {
                binds.add(bind);
                names.put(bind, bind.name() != null ? bind.name() : "#" + binds.size());
            }
            tokens.add(BindParameter.class);
            tokens.add(bind.type());
            tokens.add(names.get(bind));
            return null;
        }

        @Override
        public Void visitComparison(Comparison c) {
            tokens.add(c.operator());
            expression(c.left());
            expression(c.right());
            return null;
        }

        @Override
        public Void visitLogical(Logical l) {
            tokens.add(l.kind());
            for (Predicate p : l.operands()) {
                expression(p);
            }
            tokens.add(Marker.NONE);
            return null;
        }

        @Override
        public Void visitNot(Not not) {
            tokens.add(Not.class);
            expression(not.operand());
            return null;
        }

        @Override
        public Void visitNullTest(NullTest test) {
            tokens.add(NullTest.class);
            tokens.add(test.negated());
            expression(test.operand());
            return null;
        }

        @Override
        public Void visitInList(InList in) {
            tokens.add(InList.class);
            tokens.add(in.negated());
            expression(in.operand());
            expressions(in.values());
            return null;
        }

        @Override
        public Void visitBetween(Between b) {
            tokens.add(Between.class);
            tokens.add(b.negated());
            expression(b.operand());
            expression(b.low());
            expression(b.high());
            return null;
        }

        @Override
        public Void visitLike(Like like) {
            tokens.add(Like.class);
            tokens.add(like.negated());
            tokens.add(like.caseInsensitive());
            tokens.add(like.escape() == null ? Marker.NONE : like.escape());
            expression(like.operand());
            expression(like.pattern());
            return null;
        }

        @Override
        public Void visitArithmetic(Arithmetic<?> a) {
            tokens.add(a.operator());
            expression(a.left());
            expression(a.right());
            return null;
        }

        @Override
        public Void visitFunction(FunctionCall<?> f) {
            tokens.add(FunctionCall.class);
            tokens.add(f.name());
            tokens.add(f.type());
            tokens.add(f.star());
            tokens.add(f.distinct());
            expressions(f.arguments());
            return null;
        }

        @Override
        public Void visitSubquery(SubqueryExpression<?> s) {
            tokens.add(SubqueryExpression.class);
            tokens.add(s.type());
            s.select().walk(this);
            return null;
        }

        @Override
        public Void visitExists(Exists e) {
            tokens.add(Exists.class);
            tokens.add(e.negated());
            e.select().walk(this);
            return null;
        }

        @Override
        public Void visitInSubquery(InSubquery in) {
            tokens.add(InSubquery.class);
            tokens.add(in.negated());
            expression(in.operand());
            in.select().walk(this);
            return null;
        }

        @Override
        public Void visitCase(Case<?> c) {
            tokens.add(Case.class);
            tokens.add(c.type());
            tokens.add(c.branches().size());
            for (Case.Branch<?> b : c.branches()) {
                expression(b.when());
                expression(b.then());
            }
            expression(c.otherwise());
            return null;
        }

        @Override
        public Void visitCast(Cast<?> c) {
            tokens.add(Cast.class);
            tokens.add(c.type());
            expression(c.operand());
            return null;
        }

        @Override
        public Void visitExcluded(Excluded<?> e) {
            tokens.add(Excluded.class);
            tokens.add(e.column());
            return null;
        }

        @Override
        public Void visitAliased(Aliased<?> a) {
            tokens.add(Aliased.class);
            tokens.add(a.alias());
            expression(a.expression());
            return null;
        }
    }
}
