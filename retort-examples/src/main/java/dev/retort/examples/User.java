package dev.retort.examples;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.Validates;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.Supplier;

/** The ORM guide's first entity: a user of a blog. */
// tag::entity[]
@Entity(table = "users")
public class User {
    @Id @Generated
    Long id;

    @Column(length = 50, nullable = false)
    String name;

    @Column(length = 100, unique = true)
    String email;

    @Column(insertDefault = Now.class)
    LocalDateTime joinedAt;

    protected User() {                 // for Retort; may be private
    }

    public User(String name, String email) {
        this.name = name;
        this.email = email;
    }

    @Validates("email")
    String normaliseEmail(String email) {
        if (email != null && !email.contains("@")) {
            throw new IllegalArgumentException("not an e-mail address: " + email);
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** The clock behind joinedAt. */
    public static final class Now implements Supplier<LocalDateTime> {
        @Override
        public LocalDateTime get() {
            return LocalDateTime.now().withNano(0);
        }
    }
    // end::entity[]

    /** @return the id, set by the first flush */
    public Long id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the e-mail address */
    public String email() {
        return email;
    }

    /** @param email the new address */
    public void setEmail(String email) {
        this.email = email;
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + name + "]";
    }
// tag::entity[]
}
// end::entity[]
