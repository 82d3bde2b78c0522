package dev.retort.orm.model;

import dev.retort.orm.Column;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;
import dev.retort.orm.References;

import java.math.BigDecimal;

/** A book of an author. */
@Entity
public class Book {
    /** Where a book is in its life. */
    public enum Status { DRAFT, PUBLISHED, OUT_OF_PRINT }

    @Id @Generated
    public Long id;
    @Column(nullable = false)
    public String title;
    @References(Author.class)
    public Long authorId;
    @Column(precision = 10, scale = 2)
    public BigDecimal price;
    public Status status = Status.DRAFT;

    protected Book() {
    }

    public Book(String title, Long authorId) {
        this.title = title;
        this.authorId = authorId;
    }
}
