package dev.retort.migrate.autogenerate;

import dev.retort.migrate.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes generated revision sources into a source folder and compiles them with javax.tools
 * against the test class path ({@link Migrations#fromSources}), as the command line does.
 */
final class GeneratedRevisions {
    static final String PACKAGE = "dev.retort.generated";

    private GeneratedRevisions() {
    }

    /** Writes a revision's source under {@code root} and returns its path. */
    static Path write(Path root, RevisionFile file, String source) {
        Path folder = root.resolve(file.packageName().replace('.', '/'));
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(file.className() + ".java"), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A revision file in the test package. */
    static RevisionFile file(String className, String id, String message, String... revises) {
        return new RevisionFile(PACKAGE, className, id, message, List.of(revises));
    }

    /**
     * Compiles sources with every lint warning on and warnings as errors, as a strict build would.
     *
     * @return the compiler's messages; empty when the sources compile cleanly
     */
    static String compileStrictly(Path root, Path... sources) {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.io.StringWriter messages = new java.io.StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("-d", root.resolve("classes").toString(), "-classpath",
                new io.github.classgraph.ClassGraph().getClasspath(), "-Xlint:all", "-Werror", "-proc:none"));
        for (Path p : sources) {
            args.add(p.toString());
        }
        int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                messages.write(b);
            }
        }, true), args.toArray(new String[0]));
        return code == 0 ? messages.toString() : "exit " + code + ": " + messages;
    }

    /** Compiles every revision under {@code root} and returns them as migrations. */
    static Migrations compile(Path root) {
        return Migrations.fromSources(root, PACKAGE);
    }
}
