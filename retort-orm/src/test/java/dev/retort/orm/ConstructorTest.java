package dev.retort.orm;

import dev.retort.engine.Engine;
import dev.retort.orm.ctor.Parcel;
import dev.retort.orm.ctor.Parcel_;
import dev.retort.orm.ctor.Sender;
import dev.retort.orm.ctor.Sender_;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.orm.mapping.ReflectiveAccessor;
import dev.retort.schema.Column;
import dev.retort.schema.Table;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entities without a no-argument constructor: Retort calls the constructor marked {@code @Creator}
 * (or the only one), passing each parameter the loaded value of the field of the same name, through
 * the generated accessor and through reflection.
 */
class ConstructorTest {

    static final Registry REGISTRY = Registry.of(Sender.class, Parcel.class);

    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        return engine;
    }

    @EachDatabase
    void loadsObjectsThroughTheirConstructors(TestDatabase db) {
        Engine engine = setUp(db);
        Long parcelId;
        Long senderId;
        try (Session s = Session.open(engine)) {
            Sender acme = new Sender(null, "Acme");
            Parcel parcel = new Parcel("P-1", 1200, new Parcel.Address("Oslo", "0150"), acme);
            parcel.ship();
            s.add(parcel);
            s.commit();
            parcelId = parcel.id();
            senderId = acme.id();
        }
        assertThat(parcelId).isNotNull();
        try (Session s = Session.open(engine)) {
            Parcel loaded = s.get(Parcel.class, parcelId);
            assertThat(loaded.code()).isEqualTo("P-1");
            assertThat(loaded.grams()).isEqualTo(1200);
            assertThat(loaded.destination()).isEqualTo(new Parcel.Address("Oslo", "0150"));
            assertThat(loaded.status()).as("the loaded value, not the constructor's default").isEqualTo(Parcel.Status.SHIPPED);
            assertThat(loaded.label()).as("a transient field the constructor set from its arguments").isEqualTo("P-1/1200");
            assertThat(loaded.sender().name()).isEqualTo("Acme");
            assertThat(loaded.sender().id()).isEqualTo(senderId);
            assertThat(loaded.sender().parcels()).as("a collection the constructor does not take, loaded on access")
                    .containsExactly(loaded);
            assertThat(s.execute(select(Parcel.class).where(Parcel_.CODE.eq("P-1"))).all())
                    .as("the identity map holds one object per row").containsExactly(loaded);
        }
    }

    @EachDatabase
    void theObjectHoldsTheRowEvenWhenTheConstructorNormalisesItsArguments(TestDatabase db) {
        Engine engine = setUp(db);
        long senderId = insertSender(engine, "Bolt");
        long parcelId = insertParcel(engine, "  padded  ", 5, senderId);
        try (Session s = Session.open(engine)) {
            Parcel p = s.get(Parcel.class, parcelId);
            assertThat(p.code()).as("the constructor strips it; the row's value is written afterwards").isEqualTo("  padded  ");
            assertThat(p.label()).isEqualTo("  padded  /5");
            s.flush();
            assertThat(s.isModified(p)).as("an object holding its row is not dirty").isFalse();
        }
    }

    @EachDatabase
    void aConstructorThatRefusesARowNamesTheEntityAndTheRow(TestDatabase db) {
        Engine engine = setUp(db);
        long senderId = insertSender(engine, "Crate");
        long parcelId = insertParcel(engine, "NEG", -3, senderId);
        try (Session s = Session.open(engine)) {
            assertThatThrownBy(() -> s.get(Parcel.class, parcelId))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The constructor of " + Parcel.class.getName())
                    .hasMessageContaining("row with id " + parcelId)
                    .hasMessageContaining("a parcel weighs at least 0 g, not -3")
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
        }
    }

    @EachDatabase
    void aConstructorThatRefusesAColumnTheQueryDidNotLoadIsToldSo(TestDatabase db) {
        Engine engine = setUp(db);
        long senderId = insertSender(engine, "Crate");
        long parcelId = insertParcel(engine, "P-9", 40, senderId);
        try (Session s = Session.open(engine)) {
            String p = Parcel.class.getName();
            String fix = "the query did not load " + p + ".code, " + p + ".destination, " + p + ".status (deferred, or left out "
                    + "by defer or loadOnly), so the constructor received Java defaults (null, 0, false) for them; load them with "
                    + "the query (undefer, loadOnly), or let the constructor accept the Java default of a column that is not loaded";
            assertThatThrownBy(() -> s.execute(select(Parcel.class).options(LoadOption.loadOnly(Parcel_.GRAMS))).all())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The constructor of " + Parcel.class.getName())
                    .hasMessageContaining("row with id " + parcelId)
                    .hasMessageContaining(fix)
                    .hasMessageNotContaining("must accept every value the table holds");
            assertThatThrownBy(() -> {
                try (var stream = s.stream(select(Parcel.class).options(LoadOption.loadOnly(Parcel_.GRAMS)))) {
                    stream.toList();
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining(fix);
            assertThat(s.execute(select(Parcel.class).options(LoadOption.loadOnly(Parcel_.CODE))).one().code())
                    .as("a column it accepts a default for may be left out").isEqualTo("P-9");
        }
    }

    @EachDatabase
    void mergeCopiesADetachedObjectThroughTheConstructor(TestDatabase db) {
        Engine engine = setUp(db);
        Sender dock = Session.inTransaction(engine, s -> {
            Sender x = new Sender(null, "Dock");
            s.add(x);
            return x;
        });
        Parcel incoming = new Parcel("M-1", 10, new Parcel.Address("Bergen", "5003"), dock);
        try (Session s = Session.open(engine)) {
            Parcel merged = s.merge(incoming);
            assertThat(merged).isNotSameAs(incoming);
            assertThat(s.state(merged)).isEqualTo(ObjectState.PENDING);
            assertThat(merged.code()).isEqualTo("M-1");
            assertThat(merged.destination()).isEqualTo(new Parcel.Address("Bergen", "5003"));
            assertThat(merged.sender().id()).isEqualTo(dock.id());
            s.commit();
            assertThat(merged.id()).isNotNull();
        }
        try (Session s = Session.open(engine)) {
            assertThat(s.execute(select(Parcel.class).where(Parcel_.CODE.eq("M-1"))).one().sender().name()).isEqualTo("Dock");
        }
    }

    private static long insertSender(Engine engine, String name) {
        engine.runInTransaction(c -> c.execute(insert(Sender_.TABLE).value(Sender_.NAME, name)));
        try (Session s = Session.open(engine)) {
            return s.execute(select(Sender.class).where(Sender_.NAME.eq(name))).one().id();
        }
    }

    private static long insertParcel(Engine engine, String code, int grams, long senderId) {
        engine.runInTransaction(c -> c.execute(insert(Parcel_.TABLE).value(Parcel_.CODE, code).value(Parcel_.GRAMS, grams)
                .value(Parcel_.STATUS, Parcel.Status.PACKED).value(Parcel_.SENDER_ID, senderId)));
        try (var c = engine.connect()) {
            return c.execute(dev.retort.sql.Statements.select(Parcel_.ID).from(Parcel_.TABLE).where(Parcel_.CODE.eq(code)))
                    .scalars(Long.class).one();
        }
    }

    // ---- without the annotation processor ------------------------------------------------------

    /** Entities compiled without the processor: their constructors are found by reflection. */
    static final JavaSources WITH_NAMES = JavaSources.compile(false, List.of("-parameters"), Map.of(
            "plain.Badge", """
                    package plain;
                    @dev.retort.orm.Entity
                    public class Badge {
                        @dev.retort.orm.Id Long id;
                        String holder;
                        int level;
                        public Badge(Long id, String holder, int level) {
                            this.id = id;
                            this.holder = holder.toUpperCase();
                            this.level = level;
                        }
                    }
                    """));

    static final JavaSources WITHOUT_NAMES = JavaSources.compile(false, Map.of(
            "plain.Permit", """
                    package plain;
                    @dev.retort.orm.Entity
                    public class Permit {
                        @dev.retort.orm.Id Long id;
                        String holder;
                        @dev.retort.orm.Creator({"id", "holder"})
                        private Permit(Long a, String b) { id = a; holder = "(" + b + ")"; }
                        public Permit(String holder) { this(null, holder); }
                    }
                    """,
            "plain.Unnamed", """
                    package plain;
                    @dev.retort.orm.Entity
                    public class Unnamed {
                        @dev.retort.orm.Id Long id;
                        Unnamed(Long id) { this.id = id; }
                    }
                    """,
            "plain.Ambiguous", """
                    package plain;
                    @dev.retort.orm.Entity
                    public class Ambiguous {
                        @dev.retort.orm.Id Long id;
                        String name;
                        @dev.retort.orm.Creator({"id"}) Ambiguous(Long id) { this.id = id; }
                        @dev.retort.orm.Creator({"id", "name"}) Ambiguous(Long id, String name) { this.id = id; }
                    }
                    """,
            "plain.WrongName", """
                    package plain;
                    @dev.retort.orm.Entity
                    public class WrongName {
                        @dev.retort.orm.Id Long id;
                        String name;
                        @dev.retort.orm.Creator({"id", "nickname"}) WrongName(Long id, String name) { this.id = id; }
                    }
                    """,
            "plain.WrongType", """
                    package plain;
                    @dev.retort.orm.Entity
                    public class WrongType {
                        @dev.retort.orm.Id Long id;
                        int level;
                        @dev.retort.orm.Creator({"id", "level"}) WrongType(Long id, long level) { this.id = id; }
                    }
                    """));

    @EachDatabase
    void reflectionCallsAConstructorByItsParameterNames(TestDatabase db) throws Exception {
        Class<?> badge = load(WITH_NAMES, "Badge");
        EntityMapping<?> mapping = EntityMapping.of(badge);
        assertThat(mapping.accessor()).isInstanceOf(ReflectiveAccessor.class);
        assertThat(mapping.accessor().constructorParameters()).containsExactly("id", "holder", "level");
        Table table = mapping.table();
        Engine engine = db.engine();
        dev.retort.schema.MetaData metadata = new dev.retort.schema.MetaData();
        metadata.add(table);
        metadata.createAll(engine);
        @SuppressWarnings("unchecked")
        Column<Object> id = (Column<Object>) table.column("id");
        @SuppressWarnings("unchecked")
        Column<Object> holder = (Column<Object>) table.column("holder");
        @SuppressWarnings("unchecked")
        Column<Object> level = (Column<Object>) table.column("level");
        engine.runInTransaction(c -> c.execute(insert(table).value(id, 7L).value(holder, "ada").value(level, 3)));
        try (Session s = Session.open(engine)) {
            Object loaded = s.get(badge, 7L);
            assertThat(field(loaded, "holder")).as("the row's value, written after the constructor ran").isEqualTo("ada");
            assertThat(field(loaded, "level")).isEqualTo(3);
            assertThat(s.get(badge, 7L)).isSameAs(loaded);
        }
    }

    @Test
    void creatorNamesTheFieldsOfAClassCompiledWithoutParameterNames() throws Exception {
        assertThat(WITHOUT_NAMES.errors()).isEmpty();
        EntityMapping<Object> mapping = cast(EntityMapping.of(load(WITHOUT_NAMES, "Permit")));
        assertThat(mapping.accessor().constructorParameters()).containsExactly("id", "holder");
        Object permit = mapping.instantiate(new Object[] {4L, "bob"});
        assertThat(field(permit, "id")).isEqualTo(4L);
        assertThat(field(permit, "holder")).isEqualTo("bob");
    }

    @Test
    void constructorsRetortCannotCallAreRefusedAtMappingTime() {
        assertThatThrownBy(() -> EntityMapping.of(load(WITHOUT_NAMES, "Unnamed"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("plain.Unnamed").hasMessageContaining("compiled without parameter names")
                .hasMessageContaining("-parameters").hasMessageContaining("@Creator({\"field\", ...})");
        assertThatThrownBy(() -> EntityMapping.of(load(WITHOUT_NAMES, "Ambiguous"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("plain.Ambiguous").hasMessageContaining("2 constructors marked @Creator");
        assertThatThrownBy(() -> EntityMapping.of(load(WITHOUT_NAMES, "WrongName"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("plain.WrongName").hasMessageContaining("parameter 2 (nickname)")
                .hasMessageContaining("matches no mapped field").hasMessageContaining("[id, name]");
        assertThatThrownBy(() -> EntityMapping.of(load(WITHOUT_NAMES, "WrongType"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("plain.WrongType").hasMessageContaining("parameter 2 (level)")
                .hasMessageContaining("is a long but field level is a int");
    }

    private static Class<?> load(JavaSources sources, String name) {
        assertThat(sources.errors()).isEmpty();
        return sources.load("plain." + name);
    }

    @SuppressWarnings("unchecked")
    private static EntityMapping<Object> cast(EntityMapping<?> m) {
        return (EntityMapping<Object>) m;
    }

    private static Object field(Object entity, String name) throws ReflectiveOperationException {
        Field f = entity.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(entity);
    }
}
