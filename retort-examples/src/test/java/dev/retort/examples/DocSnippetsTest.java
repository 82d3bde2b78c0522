package dev.retort.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the documentation honest: every Java block in README.md and docs/*.md that is preceded
 * by {@code <!-- snippet: Class#tag -->} (or {@code subpackage.Class#tag}) must equal the tagged
 * region of that class in this module, which the other tests compile and run.
 */
class DocSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: ([\\w.]+)#([\\w-]+) -->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);

    static Path root() {
        String r = System.getProperty("retort.root");
        Path p = r != null ? Path.of(r) : Path.of("..");
        return p.toAbsolutePath().normalize();
    }

    @Test
    void everyDocumentedSnippetMatchesCompiledCode() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root().resolve("README.md"));
        try (Stream<Path> s = Files.list(root().resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        int checked = 0;
        for (Path doc : docs) {
            String text = Files.readString(doc);
            Matcher m = SNIPPET.matcher(text);
            while (m.find()) {
                String expected = region(m.group(1), m.group(2));
                assertThat(m.group(3)).as("%s snippet %s#%s", doc.getFileName(), m.group(1), m.group(2))
                        .isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).as("snippets found in README.md and docs/").isGreaterThanOrEqualTo(8);
    }

    static String region(String className, String tag) throws IOException {
        // A class in a sub-package is named with its package: migrations.V0001_Catalog.
        Path source = root().resolve("retort-examples/src/main/java/dev/retort/examples/" + className.replace('.', '/')
                + ".java");
        List<String> lines = Files.readAllLines(source);
        // A tag may mark several regions; the snippet is all of them, in order.
        List<String> body = new java.util.ArrayList<>();
        int start = -1;
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (lines.get(i).trim().equals("// end::" + tag + "[]") && start >= 0) {
                body.addAll(lines.subList(start, i));
                start = -1;
                found = true;
            }
        }
        assertThat(found).as("tag %s in %s", tag, className).isTrue();
        assertThat(start).as("end of tag %s in %s", tag, className).isNegative();
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String l : body) {
            b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return b.toString();
    }
}
