package dev.retort.orm;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings against the test class path, keeping the classes in memory
 * and loadable: to check what compiles (the metamodel's types) and to load classes the processor
 * would refuse (to test the run-time mapping errors).
 */
final class JavaSources {
    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    private final ClassLoader loader;

    private JavaSources(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, byte[]> classes) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.loader = new ClassLoader(JavaSources.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                byte[] b = classes.get(n);
                if (b == null) {
                    throw new ClassNotFoundException(n);
                }
                return defineClass(n, b, 0, b.length);
            }
        };
    }

    /**
     * @param withProcessor whether the metamodel processor runs
     * @param sources qualified class name to source text
     * @return the outcome
     */
    static JavaSources compile(boolean withProcessor, Map<String, String> sources) {
        return compile(withProcessor, List.of(), sources);
    }

    /**
     * @param withProcessor whether the metamodel processor runs
     * @param extraOptions more compiler options, such as {@code -parameters}
     * @param sources qualified class name to source text
     * @return the outcome
     */
    static JavaSources compile(boolean withProcessor, List<String> extraOptions, Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> out = new HashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        List<String> options = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-Xlint:all",
                "-Xlint:-processing"));
        options.addAll(extraOptions);
        if (withProcessor) {
            options.addAll(List.of("-processor", "dev.retort.processor.MetamodelProcessor"));
        } else {
            options.add("-proc:none");
        }
        try (JavaFileManager files = new ForwardingJavaFileManager<>(javac.getStandardFileManager(diagnostics, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                if (kind == JavaFileObject.Kind.CLASS) {
                    return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            return new ByteArrayOutputStream() {
                                @Override
                                public void close() {
                                    out.put(className, toByteArray());
                                }
                            };
                        }
                    };
                }
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public java.io.Writer openWriter() {
                        return new java.io.StringWriter() {
                            @Override
                            public void close() {
                                text.append(toString());
                            }
                        };
                    }

                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                };
            }
        }) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            return new JavaSources(ok, diagnostics.getDiagnostics(), out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the error messages, one per diagnostic */
    List<String> errors() {
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                out.add(d.getMessage(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * @param name a compiled class's binary name
     * @return the class, loaded by a loader that sees the compiled classes and the test class path
     */
    Class<?> load(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
