package dev.retort.migrate;

import java.util.List;

/**
 * A command needs one head (a plain {@code upgrade head}, {@code +n}, {@code -n}) but there are
 * several: branches that no merge revision joins yet. The message names them and says to merge
 * them or to target one.
 */
public class MultipleHeadsException extends MigrationException {
    private static final long serialVersionUID = 1L;
    /** The heads, in graph order. */
    private final List<String> heads;

    /**
     * Creates the exception.
     *
     * @param heads the heads
     * @param message what was asked, the heads, and what to do
     */
    public MultipleHeadsException(List<String> heads, String message) {
        super(message);
        this.heads = List.copyOf(heads);
    }

    /** @return the heads, in graph order */
    public List<String> heads() {
        return heads;
    }
}
