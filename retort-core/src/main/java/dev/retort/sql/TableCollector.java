package dev.retort.sql;

import java.util.Set;

/** Finds the tables of the columns an expression uses, for an inferred FROM clause. */
final class TableCollector implements ExpressionVisitor<Void> {
    private final Set<FromItem> tables;

    TableCollector(Set<FromItem> tables) {
        this.tables = tables;
    }

    @Override
    public Void visitColumn(ColumnReference<?> column) {
        tables.add(column.table());
        return null;
    }

    @Override
    public Void visitBind(BindParameter<?> bind) {
        return null;
    }

    @Override
    public Void visitComparison(Comparison c) {
        c.left().accept(this);
        c.right().accept(this);
        return null;
    }

    @Override
    public Void visitLogical(Logical l) {
        for (Predicate p : l.operands()) {
            p.accept(this);
        }
        return null;
    }

    @Override
    public Void visitNot(Not not) {
        return not.operand().accept(this);
    }

    @Override
    public Void visitNullTest(NullTest test) {
        return test.operand().accept(this);
    }

    @Override
    public Void visitInList(InList in) {
        in.operand().accept(this);
        for (Expression<?> v : in.values()) {
            v.accept(this);
        }
        return null;
    }

    @Override
    public Void visitBetween(Between b) {
        b.operand().accept(this);
        b.low().accept(this);
        b.high().accept(this);
        return null;
    }

    @Override
    public Void visitLike(Like like) {
        like.operand().accept(this);
        return like.pattern().accept(this);
    }

    @Override
    public Void visitArithmetic(Arithmetic<?> a) {
        a.left().accept(this);
        a.right().accept(this);
        return null;
    }

    @Override
    public Void visitFunction(FunctionCall<?> f) {
        for (Expression<?> e : f.arguments()) {
            e.accept(this);
        }
        return null;
    }

    @Override
    public Void visitAliased(Aliased<?> a) {
        return a.expression().accept(this);
    }

    /** A subquery has its own FROM. */
    @Override
    public Void visitSubquery(SubqueryExpression<?> s) {
        return null;
    }

    @Override
    public Void visitExists(Exists e) {
        return null;
    }

    @Override
    public Void visitInSubquery(InSubquery in) {
        return in.operand().accept(this);
    }

    @Override
    public Void visitCase(Case<?> c) {
        for (Case.Branch<?> b : c.branches()) {
            b.when().accept(this);
            b.then().accept(this);
        }
        if (c.otherwise() != null) {
            c.otherwise().accept(this);
        }
        return null;
    }

    @Override
    public Void visitExcluded(Excluded<?> e) {
        return null;
    }

    @Override
    public Void visitWindow(WindowFunction<?> w) {
        w.function().accept(this);
        for (Expression<?> e : w.window().partitionBy()) {
            e.accept(this);
        }
        for (OrderItem o : w.window().orderBy()) {
            o.expression().accept(this);
        }
        return null;
    }

    @Override
    public Void visitDistinctFrom(DistinctFrom d) {
        d.left().accept(this);
        d.right().accept(this);
        return null;
    }

    @Override
    public Void visitTupleIn(Tuple.TupleIn in) {
        for (Expression<?> e : in.tuple().expressions()) {
            e.accept(this);
        }
        return null;
    }

    @Override
    public Void visitPortable(PortableFunction<?> f) {
        for (Expression<?> e : f.arguments()) {
            e.accept(this);
        }
        return null;
    }

    @Override
    public Void visitCast(Cast<?> c) {
        return c.operand().accept(this);
    }
}
