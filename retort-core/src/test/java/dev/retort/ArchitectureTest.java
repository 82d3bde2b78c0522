package dev.retort;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps Core's layers pointing one way: types ← sql ← schema ← reflect ← dialect ← engine, with the
 * root package (exceptions) below all of them. Scans every reference to a {@code dev.retort}
 * package in the main sources, imports and qualified names alike.
 */
class ArchitectureTest {
    private static final Map<String, Integer> LAYER = Map.of(
            "dev.retort", 0,
            "dev.retort.types", 1,
            "dev.retort.sql", 2,
            "dev.retort.schema", 3,
            "dev.retort.reflect", 4,
            "dev.retort.dialect", 5,
            "dev.retort.engine", 6);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.retort((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    private static int layerOf(String pkg) {
        String p = pkg;
        while (!LAYER.containsKey(p)) {
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                throw new AssertionError("package " + pkg + " has no layer in ArchitectureTest");
            }
            p = p.substring(0, dot);
        }
        return LAYER.get(p);
    }

    @Test
    void dependenciesPointDownOnly() throws IOException {
        Path root = Path.of("src/main/java/dev/retort");
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher pm = PACKAGE.matcher(text);
            if (!pm.find()) {
                continue;
            }
            String pkg = pm.group(1);
            int own = layerOf(pkg);
            Matcher rm = REFERENCE.matcher(text);
            while (rm.find()) {
                String target = "dev.retort" + rm.group(1);
                if (layerOf(target) > own) {
                    violations.add(file.getFileName() + " (" + pkg + ") refers to " + target);
                }
            }
        }
        assertThat(violations).as("references from a lower layer to a higher one").isEmpty();
    }
}
