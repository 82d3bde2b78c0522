package dev.retort.bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Hibernate's own JPA entity for {@code bench_row}. How the key is generated differs by database,
 * as Hibernate's documentation advises for speed: on PostgreSQL a sequence with a pooled optimizer
 * (so inserts can be JDBC batches, {@link Sequenced}); SQLite has no sequences, and Hibernate's
 * table-backed emulation of one takes its values in a second transaction, which a single-writer
 * SQLite file cannot grant while the first one writes, so there the key is the rowid
 * ({@link Identity}), and Hibernate inserts such rows one by one. A session factory maps exactly one
 * of the two.
 */
@MappedSuperclass
public abstract class HibernateRow {
    @Column(name = "name", length = 40, nullable = false)
    String name;
    @Column(name = "amount", nullable = false)
    long amount;

    HibernateRow() {
    }

    /** @return the key */
    abstract Long id();

    /** The row with a key from a pooled sequence (PostgreSQL). */
    @Entity(name = "SequencedRow")
    @Table(name = "bench_row")
    public static class Sequenced extends HibernateRow {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_row_hibernate")
        @SequenceGenerator(name = "bench_row_hibernate", sequenceName = HibernateContender.SEQUENCE,
                allocationSize = HibernateContender.BATCH_SIZE)
        Long id;

        /** For Hibernate. */
        protected Sequenced() {
        }

        @Override
        Long id() {
            return id;
        }
    }

    /** The row with an identity (rowid) key (SQLite). */
    @Entity(name = "IdentityRow")
    @Table(name = "bench_row")
    public static class Identity extends HibernateRow {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        /** For Hibernate. */
        protected Identity() {
        }

        @Override
        Long id() {
            return id;
        }
    }
}
