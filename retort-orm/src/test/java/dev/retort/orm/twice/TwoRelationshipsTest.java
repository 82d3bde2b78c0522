package dev.retort.orm.twice;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.orm.StatementCaptureAccess;
import dev.retort.orm.mapping.EntityMapping;
import dev.retort.sql.TableAlias;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.LoadOption.selectInLoad;
import static dev.retort.orm.OrmStatements.select;
import static dev.retort.sql.Statements.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several relationships between the same two entities, each named by its foreign key field
 * ({@code mappedBy = "home"}, {@code mappedBy = "away"}), on every database.
 */
class TwoRelationshipsTest {
    static final Registry REGISTRY = Registry.of(Team.class, Fixture.class);

    /** Reds v Blues on day 1, Blues v Greens on day 2, Greens v Reds on day 3, set from the teams' collections. */
    static Engine setUp(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            Team reds = new Team("reds");
            Team blues = new Team("blues");
            Team greens = new Team("greens");
            s.addAll(List.of(reds, blues, greens));           // their collections are now the session's
            Team[][] pairs = {{reds, blues}, {blues, greens}, {greens, reds}};
            for (int day = 1; day <= 3; day++) {
                Fixture f = new Fixture(day);
                pairs[day - 1][0].homeFixtures.add(f);
                pairs[day - 1][1].awayFixtures.add(f);
                assertThat(f.home).as("each collection sets its own reference").isSameAs(pairs[day - 1][0]);
                assertThat(f.away).isSameAs(pairs[day - 1][1]);
            }
        });
        return engine;
    }

    static List<String> stored(Engine engine) {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT f.day, h.name, a.name FROM fixture f JOIN team h ON h.id = f.home_id "
                    + "JOIN team a ON a.id = f.away_id ORDER BY f.day")).all().stream()
                    .map(r -> ((Number) r.get(0)).intValue() + ":" + r.get(1) + "-" + r.get(2)).toList();
        }
    }

    @EachDatabase
    void eachForeignKeyIsItsOwnRelationship(TestDatabase db) {
        assertThat(EntityMapping.of(Fixture.class).table().foreignKeys())
                .extracting(fk -> fk.columnNames().get(0) + "->" + fk.referredTableName())
                .containsExactlyInAnyOrder("home_id->team", "away_id->team");
        Engine engine = setUp(db);
        assertThat(stored(engine)).containsExactly("1:reds-blues", "2:blues-greens", "3:greens-reds");
        for (var options : List.of(
                List.of(selectInLoad(Team_.HOME_FIXTURES), selectInLoad(Team_.AWAY_FIXTURES)),
                List.of(joinedLoad(Team_.HOME_FIXTURES), joinedLoad(Team_.AWAY_FIXTURES)))) {
            boolean joined = options.get(0).toString().contains("JOINED");
            try (Session s = Session.open(engine)) {
                List<Team> teams = Retort.expectStatements(engine, joined ? 1 : 3, () -> s.execute(select(Team.class)
                        .orderBy(Team_.NAME).options(options.toArray(new dev.retort.orm.LoadOption[0]))).all());
                Retort.expectStatements(engine, 0, () -> {
                    assertThat(teams).extracting(t -> t.name + " home " + t.homeFixtures.stream().map(f -> f.day).toList()
                            + " away " + t.awayFixtures.stream().map(f -> f.day).toList())
                            .containsExactly("blues home [2] away [1]", "greens home [3] away [2]", "reds home [1] away [3]");
                    Fixture day1 = teams.get(2).homeFixtures.get(0);
                    assertThat(day1.home).isSameAs(teams.get(2));
                    assertThat(day1.away).isSameAs(teams.get(0));
                    assertThat(teams.get(0).awayFixtures.get(0)).as("one object per row").isSameAs(day1);
                });
            }
        }
    }

    @EachDatabase
    void queriesJoinEachRelationshipUnderItsOwnAlias(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            TableAlias home = Team_.TABLE.as("home");
            TableAlias away = Team_.TABLE.as("away");
            List<Fixture> redsAtHomeOrAway = s.execute(select(Fixture.class).join(Fixture_.HOME, home).join(Fixture_.AWAY, away)
                    .where(home.column(Team_.NAME).eq("reds").or(away.column(Team_.NAME).eq("reds")))
                    .orderBy(Fixture_.DAY)).all();
            assertThat(redsAtHomeOrAway).extracting(Fixture::toString).containsExactly("day 1: reds v blues", "day 3: greens v reds");
            assertThat(s.execute(select(Team.class).where(Team_.AWAY_FIXTURES.any(Fixture_.DAY.eq(2)))).all())
                    .extracting(t -> t.name).containsExactly("greens");
            assertThat(s.execute(select(Team.class).where(Team_.HOME_FIXTURES.any(Fixture_.DAY.eq(2)))).all())
                    .extracting(t -> t.name).containsExactly("blues");
        }
    }

    @EachDatabase
    void movingAFixtureChangesOneForeignKeyAndBothCollections(TestDatabase db) {
        Engine engine = setUp(db);
        try (Session s = Session.open(engine)) {
            List<Team> teams = s.execute(select(Team.class).orderBy(Team_.NAME)
                    .options(selectInLoad(Team_.HOME_FIXTURES), selectInLoad(Team_.AWAY_FIXTURES))).all();
            Team blues = teams.get(0);
            Team greens = teams.get(1);
            Fixture day1 = blues.awayFixtures.get(0);
            blues.awayFixtures.remove(day1);
            greens.awayFixtures.add(day1);                       // reds v greens now
            assertThat(day1.away).isSameAs(greens);
            assertThat(day1.home.name).as("the other relationship is untouched").isEqualTo("reds");
            List<String> sql = StatementCaptureAccess.during(engine, s::flush);
            assertThat(sql).containsExactly("UPDATE fixture SET away_id = ? WHERE fixture.id = ?");
            s.commit();
        }
        assertThat(stored(engine)).containsExactly("1:reds-greens", "2:blues-greens", "3:greens-reds");
    }
}
