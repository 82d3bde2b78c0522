package dev.retort.orm.ctor;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** An entity whose only constructor takes its id and name: Retort calls it when it loads a row. */
@Entity
public class Sender {
    @Id @Generated
    Long id;
    @Column(length = 40, nullable = false)
    String name;
    @OneToMany(mappedBy = "sender", orderBy = "code")
    List<Parcel> parcels = new ArrayList<>();

    public Sender(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Parcel> parcels() {
        return parcels;
    }
}
