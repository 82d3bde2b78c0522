package dev.retort.migrate;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@link Revision} classes of a package (and its sub-packages) on the class path with
 * ClassGraph, which reads class files without loading them, and makes one instance of each
 * concrete class through its public no-argument constructor.
 */
final class RevisionScanner {
    private RevisionScanner() {
    }

    static List<Revision> scan(String packageName, ClassLoader loader) {
        if (packageName == null || packageName.isBlank()) {
            throw new IllegalArgumentException("scan(packageName): the package name is null or blank");
        }
        List<Revision> out = new ArrayList<>();
        ClassGraph graph = new ClassGraph().enableClassInfo().acceptPackages(packageName);
        if (loader != null) {
            graph.addClassLoader(loader);
        }
        try (ScanResult result = graph.scan()) {
            for (ClassInfo info : result.getSubclasses(Revision.class)) {
                if (info.isAbstract() || info.isInterface()) {
                    continue;
                }
                out.add(instantiate(info.loadClass(Revision.class), packageName));
            }
        }
        return out;
    }

    static Revision instantiate(Class<? extends Revision> type, String packageName) {
        if (!Modifier.isPublic(type.getModifiers()) || (type.getEnclosingClass() != null
                && !Modifier.isStatic(type.getModifiers()))) {
            throw new RevisionGraphException("Revision class " + type.getName() + " (in package " + packageName
                    + ") must be a public top-level or static nested class with a public no-argument constructor.");
        }
        Constructor<? extends Revision> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new RevisionGraphException("Revision class " + type.getName() + " has no public no-argument "
                    + "constructor; add one that calls super(id, message, revises...).");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RevisionGraphException r) {
                throw r;
            }
            throw new RevisionGraphException("Revision class " + type.getName() + " failed in its constructor: "
                    + e.getCause() + ". Fix the constructor.");
        } catch (ReflectiveOperationException e) {
            throw new RevisionGraphException("Revision class " + type.getName() + " cannot be instantiated: " + e
                    + ". Make it a public, concrete class with a public no-argument constructor.");
        }
    }
}
