package dev.retort.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** A test processor that generates {@code com.example.Later} in the first round. */
public final class LaterTypeProcessor extends AbstractProcessor {
    private boolean done;

    /** Creates the processor. */
    public LaterTypeProcessor() {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        if (!done) {
            done = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile("com.example.Later").openWriter()) {
                writer.write("package com.example;\n\npublic class Later {\n}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
