package dev.retort.orm;

import dev.retort.engine.Engine;

import java.util.List;

/** {@link StatementCapture} for tests in other packages. */
public final class StatementCaptureAccess {
    private StatementCaptureAccess() {
    }

    /**
     * @param engine the engine
     * @param work what to run
     * @return the SQL sent from this thread while it ran
     */
    public static List<String> during(Engine engine, Runnable work) {
        return StatementCapture.during(engine, work);
    }
}
