package dev.retort.orm.rel.o2o;

import dev.retort.engine.Engine;
import dev.retort.orm.Registry;
import dev.retort.orm.Retort;
import dev.retort.orm.Session;
import dev.retort.testkit.EachDatabase;
import dev.retort.testkit.TestDatabase;

import java.util.List;

import static dev.retort.orm.LoadOption.joinedLoad;
import static dev.retort.orm.OrmStatements.select;
import static org.assertj.core.api.Assertions.assertThat;

/** The other side of a one-to-one joined in the same statement as a joined one-to-many, with and without LIMIT. */
class OneToOneJoinedWithCollectionTest {
    static final Registry REGISTRY = Registry.of(Team.class, Athlete.class, Coach.class);

    @EachDatabase
    void aJoinedOtherSideAndAJoinedCollectionLoadInOneStatement(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        Session.runInTransaction(engine, s -> {
            for (String t : List.of("a", "b", "c")) {
                Team team = new Team(t);
                for (int i = 1; i <= (t.equals("b") ? 0 : 3); i++) {
                    Athlete x = new Athlete(t + i);
                    x.team = team;
                    team.athletes.add(x);
                }
                if (!t.equals("c")) {
                    Coach coach = new Coach("coach " + t);
                    coach.team = team;
                    s.add(coach);
                }
                s.add(team);
            }
        });
        for (Integer limit : new Integer[] {null, 2}) {
            try (Session s = Session.open(engine)) {
                var query = select(Team.class).options(joinedLoad(Team_.ATHLETES), joinedLoad(Team_.COACH)).orderBy(Team_.NAME.desc());
                var q = limit == null ? query : query.limit(limit);
                List<Team> teams = Retort.expectStatements(engine, 1, () -> s.execute(q).all());
                List<String> seen = teams.stream().map(t -> t.name + ":" + (t.coach == null ? "-" : t.coach.name) + ":"
                        + t.athletes.stream().map(x -> x.name).toList()).toList();
                if (limit == null) {
                    assertThat(seen).containsExactly("c:-:[c1, c2, c3]", "b:coach b:[]", "a:coach a:[a1, a2, a3]");
                } else {
                    assertThat(seen).containsExactly("c:-:[c1, c2, c3]", "b:coach b:[]");
                }
                teams.stream().filter(t -> t.coach != null).forEach(t -> assertThat(t.coach.team).isSameAs(t));
            }
        }
    }
}
