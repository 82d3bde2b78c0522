package dev.retort.migrate;

import io.github.classgraph.ClassGraph;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiles the revision sources of a package folder with the JDK's compiler (javax.tools), against
 * the class path the program runs with, into a temporary folder, and makes the revisions from the
 * classes compiled there. The package's classes are loaded from that folder first, so a stale
 * compiled copy elsewhere on the class path is not used; everything else (Retort, the
 * application's classes) comes from the class path as usual. The loader stays open as long as the
 * revisions live, and the temporary folder is deleted when the program exits. The revisions of
 * sources already compiled (same files, same contents) are reused, so that commands run one after
 * another in one program compile once.
 */
final class RevisionCompiler {
    private static final int CACHED = 16;
    private static final Map<String, List<Revision>> COMPILED = new LinkedHashMap<>(CACHED, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Revision>> eldest) {
            return size() > CACHED;
        }
    };

    private RevisionCompiler() {
    }

    static List<Revision> compile(Path sourceRoot, String packageName) {
        if (packageName == null || packageName.isBlank()) {
            throw new IllegalArgumentException("fromSources(sourceRoot, packageName): the package name is null or blank");
        }
        Path folder = sourceRoot.resolve(packageName.replace('.', File.separatorChar));
        if (!Files.isDirectory(folder)) {
            throw new MigrationException("There is no folder " + folder.toAbsolutePath() + " for the revisions of package "
                    + packageName + ". Create it (retort-migrate init does), or fix the source folder and the package.");
        }
        List<Path> sources = sources(folder);
        if (sources.isEmpty()) {
            return List.of();
        }
        String key = packageName + ":" + digest(folder, sources);
        synchronized (COMPILED) {
            List<Revision> known = COMPILED.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Revision> revisions = compile(folder, packageName, sources);
        synchronized (COMPILED) {
            COMPILED.put(key, revisions);
        }
        return revisions;
    }

    /** A digest of the sources' paths and contents. */
    private static String digest(Path folder, List<Path> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : sources) {
                sha.update(folder.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(p));
                sha.update((byte) 0);
            }
            return folder.toAbsolutePath() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the revision sources in " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Revision> compile(Path folder, String packageName, List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new MigrationException("Compiling the revision sources in " + folder + " needs the JDK's compiler, and "
                    + "this Java runtime has none. Run with a JDK, or load compiled revisions from the class path "
                    + "(Migrations.scan, or revisions=classpath in retort-migrate.properties).");
        }
        Path out;
        try {
            out = Files.createTempDirectory("retort-revisions-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary folder for compiled revisions", e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", new ClassGraph().getClasspath(),
                    "-encoding", "UTF-8", "-proc:none", "-nowarn");
            Boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw failed(folder, diagnostics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteOnExit(out);
        return List.copyOf(load(out, packageName));
    }

    private static List<Path> sources(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the revision sources in " + folder, e);
        }
    }

    private static RevisionCompileException failed(Path folder, DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
                errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return new RevisionCompileException(errors, "The revision sources in " + folder + " do not compile: "
                + String.join("; ", errors) + ". Fix them; nothing was run.");
    }

    private static List<Revision> load(Path out, String packageName) {
        URL url;
        try {
            url = out.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        URLClassLoader loader = new PackageFirstLoader(url, parent == null ? RevisionCompiler.class.getClassLoader() : parent,
                packageName + ".");
        List<Revision> revisions = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = out.relativize(p).toString().replace(File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                Class<?> type = Class.forName(name, false, loader);
                if (Revision.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                        && !type.isAnonymousClass() && !type.isLocalClass()) {
                    revisions.add(RevisionScanner.instantiate(type.asSubclass(Revision.class), packageName));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A class compiled from the revision sources cannot be loaded: " + e.getMessage(), e);
        }
        return revisions;
    }

    private static void deleteOnExit(Path out) {
        try (Stream<Path> walk = Files.walk(out)) {
            // Registered parents first: File.deleteOnExit deletes in reverse order of registration.
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                p.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            // A temporary folder; the system cleans it up eventually.
        }
    }

    /** Loads a package's classes from the compiled folder before asking the parent, and the rest from the parent. */
    private static final class PackageFirstLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final String prefix;

        PackageFirstLoader(URL folder, ClassLoader parent, String prefix) {
            super(new URL[] {folder}, parent);
            this.prefix = prefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(prefix)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
