package dev.retort.examples;

import dev.retort.orm.Column;
import dev.retort.orm.ColumnType;
import dev.retort.orm.Deferred;
import dev.retort.orm.Entity;
import dev.retort.orm.Generated;
import dev.retort.orm.Id;

/** An article whose body and cover picture load only when asked for. */
// tag::mapping[]
@Entity
public class Article {
    @Id @Generated
    Long id;
    String title;
    String author;

    @Deferred                                    // left out of SELECT unless asked for
    @Column(type = ColumnType.TEXT)
    String body;

    @Deferred(group = "cover")                   // the picture and its type load together
    byte[] cover;
    @Deferred(group = "cover")
    String coverType;
    // end::mapping[]

    protected Article() {
    }

    /**
     * @param title the title
     * @param author who wrote it
     * @param body the text
     * @param cover the picture
     * @param coverType the picture's media type
     */
    public Article(String title, String author, String body, byte[] cover, String coverType) {
        this.title = title;
        this.author = author;
        this.body = body;
        this.cover = cover;
        this.coverType = coverType;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @param title the new title */
    public void setTitle(String title) {
        this.title = title;
    }

    /** @return the text, or {@code null} while it is not loaded */
    public String body() {
        return body;
    }

    /** @param body the new text */
    public void setBody(String body) {
        this.body = body;
    }

    /** @return the picture's media type, or {@code null} while it is not loaded */
    public String coverType() {
        return coverType;
    }
// tag::mapping[]
}
// end::mapping[]
