package dev.retort.orm.base;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;

/** Entities that share fields through a superclass that is not an entity: each has a table of its own with them. */
class SharedSuperclassTest {

    @EachDatabase
    void theSuperclassFieldsAreColumnsOfEachEntitysTable(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Invoice.class, Receipt.class).metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Invoice i = new Invoice();
            i.createdBy = "ada";
            i.number = 7;
            Receipt r = new Receipt();
            r.createdBy = "bob";
            r.shop = "deli";
            s.add(i);
            s.add(r);
        });
        try (Session s = Session.open(engine)) {
            Invoice i = s.execute(select(Invoice.class).where(Invoice_.CREATED_BY.eq("ada"))).one();
            assertThat(i.number).isEqualTo(7);
            Receipt r = s.get(Receipt.class, s.execute(select(Receipt.class)).one().id);
            assertThat(r.createdBy + "/" + r.shop).isEqualTo("bob/deli");
            assertThat(s.execute(select(Invoice.class).where(Invoice_.CREATED_BY.eq("bob"))).all()).isEmpty();
        }
        assertThat(Invoice_.TABLE.columns()).extracting(c -> c.name()).containsExactly("id", "created_by", "number");
        assertThat(Receipt_.TABLE.columns()).extracting(c -> c.name()).containsExactly("id", "created_by", "shop");
    }
}
