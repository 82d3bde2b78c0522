package dev.retort.examples;

import dev.retort.engine.Engine;
import dev.retort.migrate.autogenerate.Autogenerate;
import dev.retort.migrate.autogenerate.AutogenerateOptions;
import dev.retort.migrate.autogenerate.SchemaChange;
import dev.retort.migrate.autogenerate.SchemaDiff;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Registry;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Migrations autogenerate see the UNIQUE constraint of a one-to-one's foreign key column. */
class OneToOneMigrationTest {

    /** The contract table as a many-to-one would map it: the same columns, no UNIQUE. */
    @Entity(table = "contract")
    static class ManyContracts {
        @Id @Generated
        Long id;
        String label;
        @ManyToOne(optional = false)
        Musician musician;
    }

    @EachDatabase
    void turningAManyToOneIntoAOneToOneAddsTheUniqueConstraint(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Musician.class, ManyContracts.class).metadata().createAll(engine);
        SchemaDiff diff = Autogenerate.compare(Registry.of(Musician.class, Contract.class).metadata(), engine,
                AutogenerateOptions.defaults());
        assertThat(diff.changes()).as(diff.describe().toString()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SchemaChange.Kind.ADD_UNIQUE_CONSTRAINT);
            assertThat(c.table()).isEqualTo("contract");
            assertThat(c.description()).contains("musician_id");
        });
    }

    @EachDatabase
    void aOneToOneCreatedFromTheRegistryShowsNoDifference(TestDatabase db) {
        Engine engine = db.engine();
        Registry registry = Registry.of(Musician.class, Contract.class);
        registry.metadata().createAll(engine);
        SchemaDiff diff = Autogenerate.compare(registry.metadata(), engine, AutogenerateOptions.defaults());
        assertThat(diff.changes()).as(diff.describe().toString()).isEmpty();
    }
}
