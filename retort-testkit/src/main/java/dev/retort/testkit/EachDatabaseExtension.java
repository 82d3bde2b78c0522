package dev.retort.testkit;

import dev.retort.dialect.Capability;
import dev.retort.dialect.Dialect;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Provides one invocation of an {@link EachDatabase} test per selected database, and manages
 * each invocation's {@link TestDatabase}. Used through {@link EachDatabase}; not meant to be
 * registered directly.
 */
public final class EachDatabaseExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EachDatabaseExtension.class);
    private static final Set<DatabaseKind> WARNED = ConcurrentHashMap.newKeySet();

    /** Created by JUnit. */
    public EachDatabaseExtension() {
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(EachDatabase.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        EachDatabase spec = context.getRequiredTestMethod().getAnnotation(EachDatabase.class);
        Set<DatabaseKind> only = spec.only().length == 0 ? EnumSet.allOf(DatabaseKind.class)
                : EnumSet.copyOf(Arrays.asList(spec.only()));
        List<TestTemplateInvocationContext> runs = new ArrayList<>();
        for (DatabaseKind kind : TestEnvironment.selected()) {
            if (only.contains(kind)) {
                runs.add(new Run(kind, spec.requires(), spec.perClass()));
            }
        }
        return runs.stream();
    }

    private static final class Run implements TestTemplateInvocationContext {
        private final DatabaseKind kind;
        private final Capability[] requires;
        private final boolean perClass;

        Run(DatabaseKind kind, Capability[] requires, boolean perClass) {
            this.kind = kind;
            this.requires = requires;
            this.perClass = perClass;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.label() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Lifecycle(kind, requires, perClass), new Resolver());
        }
    }

    private static final class Lifecycle implements BeforeEachCallback, AfterEachCallback {
        private final DatabaseKind kind;
        private final Capability[] requires;
        private final boolean perClass;

        Lifecycle(DatabaseKind kind, Capability[] requires, boolean perClass) {
            this.kind = kind;
            this.requires = requires;
            this.perClass = perClass;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            if (kind.isServer()) {
                String why = ScratchServer.of(kind).unreachable();
                if (why != null) {
                    unreachable(why);
                }
            }
            TestDatabase db = perClass ? shared(context) : TestDatabase.open(kind);
            context.getStore(NS).put(TestDatabase.class, db);
            if (requires.length > 0) {
                Dialect dialect = db.dialect();
                for (Capability c : requires) {
                    if (!dialect.supports(c)) {
                        throw new TestAbortedException(dialect.displayName() + " lacks " + c + "; run skipped");
                    }
                }
            }
        }

        /** The class's database of this kind, made at the first call; the class's store closes it when the class is done. */
        private TestDatabase shared(ExtensionContext context) {
            ExtensionContext owner = context;
            while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
                owner = owner.getParent().get();
            }
            return owner.getStore(NS).getOrComputeIfAbsent(kind, k -> new SharedDatabase(TestDatabase.open(kind)),
                    SharedDatabase.class).db();
        }

        private void unreachable(String why) {
            String url = ScratchServer.of(kind).baseUrl();
            String message = kind.label() + " at " + dev.retort.dialect.DatabaseUrl.maskPassword(url)
                    + " is unreachable: " + why;
            if (TestEnvironment.isCi()) {
                throw new AssertionError(message + ". CI=true, so this is a failure: start the server (see .ci/run) "
                        + "or point " + (kind == DatabaseKind.POSTGRESQL ? TestEnvironment.POSTGRESQL_URL
                        : TestEnvironment.MARIADB_URL) + " at one.");
            }
            if (WARNED.add(kind)) {
                String bar = "=".repeat(100);
                System.err.println(bar + "\nRETORT TESTKIT: " + message + "\nEvery test run on " + kind.label()
                        + " is SKIPPED. Start the server, set " + (kind == DatabaseKind.POSTGRESQL
                        ? TestEnvironment.POSTGRESQL_URL : TestEnvironment.MARIADB_URL)
                        + ", or leave it out with RETORT_TEST_DATABASES. Under CI=true this fails.\n" + bar);
            }
            throw new TestAbortedException(message);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            TestDatabase db = context.getStore(NS).remove(TestDatabase.class, TestDatabase.class);
            if (db == null) {
                return;
            }
            List<String> leaks = db.leaks();
            if (!perClass) {
                db.close();
            }
            if (!leaks.isEmpty()) {
                throw new AssertionError("The test left connections checked out: " + String.join(", ", leaks)
                        + ". Close every Connection and Result, e.g. with try-with-resources.");
            }
        }
    }

    /** A database shared by a class's tests, closed (and dropped) with the class's extension store. */
    private record SharedDatabase(TestDatabase db) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    private static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NS).get(TestDatabase.class, TestDatabase.class);
        }
    }
}
