package dev.retort.processor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javac on in-memory sources with the metamodel processor, capturing the generated sources in
 * memory and the diagnostics.
 */
final class Compilation {
    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    /** Generated sources by qualified class name. */
    final Map<String, String> generated;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, String> generated) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.generated = generated;
    }

    /**
     * Runs annotation processing only ({@code -proc:only}) on the sources plus the stand-ins for the
     * ORM's annotations and types.
     */
    static Compilation process(JavaFileObject... sources) {
        return run(List.of("-proc:only"), List.of(sources));
    }

    /**
     * Compiles the sources plus the stand-ins, with the metamodel processor and any extra options.
     */
    static Compilation run(List<String> extraOptions, List<JavaFileObject> sources) {
        return run(extraOptions, sources, MetamodelProcessor.class.getName());
    }

    static Compilation run(List<String> extraOptions, List<JavaFileObject> sources, String processors) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, String> generated = new LinkedHashMap<>();
        List<GeneratedSource> outputs = new ArrayList<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager fileManager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) throws IOException {
                if (kind == JavaFileObject.Kind.SOURCE) {
                    GeneratedSource output = new GeneratedSource(className);
                    outputs.add(output);
                    return output;
                }
                return super.getJavaFileForOutput(location, className, kind, sibling);
            }
        };
        List<String> options = new ArrayList<>(List.of(
                "-processor", processors,
                "-classpath", System.getProperty("java.class.path")));
        options.addAll(extraOptions);
        List<JavaFileObject> all = new ArrayList<>(StandIns.all());
        all.addAll(sources);
        boolean success;
        try (fileManager) {
            success = compiler.getTask(null, fileManager, diagnostics, options, null, all).call();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (GeneratedSource output : outputs) {
            generated.put(output.className, output.content());
        }
        return new Compilation(success, List.copyOf(diagnostics.getDiagnostics()), generated);
    }

    /** An in-memory source file. */
    static JavaFileObject source(String qualifiedName, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + qualifiedName.replace('.', '/') + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    List<Diagnostic<? extends JavaFileObject>> errors() {
        return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
    }

    List<String> errorMessages() {
        return errors().stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    }

    /** The diagnostics, one a line, for assertion messages. */
    String report() {
        return diagnostics.stream()
                .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber())
                        + " " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** @return the generated source of the class, failing if there is none */
    String generated(String qualifiedName) {
        String source = generated.get(qualifiedName);
        if (source == null) {
            throw new AssertionError("No source generated for " + qualifiedName + "; generated: " + generated.keySet()
                    + "\n" + report());
        }
        return source;
    }

    private static final class GeneratedSource extends SimpleJavaFileObject {
        final String className;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        GeneratedSource(String className) {
            super(URI.create("mem:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE);
            this.className = className;
        }

        @Override
        public OutputStream openOutputStream() {
            bytes.reset();
            return bytes;
        }

        @Override
        public Writer openWriter() {
            return new OutputStreamWriter(openOutputStream(), StandardCharsets.UTF_8);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content();
        }

        String content() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
