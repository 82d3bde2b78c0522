package dev.retort.migrate.scratch;

/** How one kind of database makes and removes a scratch database. */
interface ScratchKind {

    /**
     * Makes the scratch database.
     *
     * @param name its unique name
     * @return the URL that connects to it
     */
    String create(String name);

    /**
     * Removes it.
     *
     * @param name its name
     */
    void drop(String name);

    /**
     * The name to show for it.
     *
     * @param name its name
     * @return the name, or what stands for it (a file path)
     */
    default String displayName(String name) {
        return name;
    }
}
