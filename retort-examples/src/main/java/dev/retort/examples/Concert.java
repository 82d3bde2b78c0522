package dev.retort.examples;

import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.ManyToOne;
import dev.retort.orm.Ref;

/** The Ref guide's concert: its headliner is a reference that loads on access. */
// tag::mapping[]
@Entity
public class Concert {
    @Id @Generated
    Long id;
    String venue;

    @ManyToOne                                   // column headliner_id; loads on headliner.get() (LAZY)
    Ref<Artist> headliner;
    // end::mapping[]

    protected Concert() {
    }

    /**
     * @param venue where it takes place
     * @param headliner who tops the bill
     */
    public Concert(String venue, Artist headliner) {
        this.venue = venue;
        this.headliner = Ref.to(headliner);
    }

    /** @return the venue */
    public String venue() {
        return venue;
    }

    /** @return the headliner's reference */
    public Ref<Artist> headliner() {
        return headliner;
    }

    /** @param headliner a new reference, say {@code Ref.toId(7L)} */
    public void headliner(Ref<Artist> headliner) {
        this.headliner = headliner;
    }
// tag::mapping[]
}
// end::mapping[]
