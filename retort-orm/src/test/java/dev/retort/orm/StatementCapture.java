package dev.retort.orm;

import dev.retort.engine.Engine;
import dev.retort.engine.ListenerRegistration;
import dev.retort.engine.StatementEvent;
import dev.retort.engine.StatementListener;

import java.util.ArrayList;
import java.util.List;

/** Collects the SQL an engine sends from this thread while some code runs (one entry per round trip). */
final class StatementCapture {
    private StatementCapture() {
    }

    static List<String> during(Engine engine, Runnable work) {
        List<String> sql = new ArrayList<>();
        Thread me = Thread.currentThread();
        try (ListenerRegistration reg = engine.addListener(new StatementListener() {
            @Override
            public void beforeExecute(StatementEvent event) {
                if (Thread.currentThread() == me) {
                    sql.add(event.sql());
                }
            }
        })) {
            work.run();
        }
        return sql;
    }
}
