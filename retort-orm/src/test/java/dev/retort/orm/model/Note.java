package dev.retort.orm.model;

import dev.retort.orm.AfterDelete;
import dev.retort.orm.AfterInsert;
import dev.retort.orm.AfterLoad;
import dev.retort.orm.AfterUpdate;
import dev.retort.orm.BeforeDelete;
import dev.retort.orm.BeforeInsert;
import dev.retort.orm.BeforeUpdate;
import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Validates;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Defaults on the client and the server, hooks and a validator. */
@Entity
public class Note {
    /** A clock the test can move. */
    public static final class Clock implements Supplier<LocalDateTime> {
        public static LocalDateTime now = LocalDateTime.of(2024, 1, 1, 9, 0);

        @Override
        public LocalDateTime get() {
            return now;
        }
    }

    @Id @Generated
    public Long id;
    @Column(nullable = false)
    public String body;
    @Column(insertDefault = Clock.class)
    public LocalDateTime createdAt;
    @Column(onUpdate = Clock.class)
    public LocalDateTime updatedAt;
    @Column(length = 10, serverDefault = "'new'", fetchServerDefault = true)
    public String status;
    @Column(serverDefault = "7")
    public Integer priority;
    public byte[] attachment;
    public transient List<String> events = new ArrayList<>();

    protected Note() {
    }

    public Note(String body) {
        this.body = body;
    }

    @Validates("body")
    String checkBody(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a note needs a body");
        }
        return value.strip();
    }

    @BeforeInsert void beforeInsert() { events.add("before insert " + id); }
    @AfterInsert void afterInsert() { events.add("after insert " + id); }
    @BeforeUpdate void beforeUpdate() { events.add("before update"); }
    @AfterUpdate void afterUpdate() { events.add("after update"); }
    @BeforeDelete void beforeDelete() { events.add("before delete"); }
    @AfterDelete void afterDelete() { events.add("after delete"); }
    @AfterLoad void afterLoad() { events.add("after load"); }
}
