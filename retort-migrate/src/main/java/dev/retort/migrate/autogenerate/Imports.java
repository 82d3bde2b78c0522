package dev.retort.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The imports of a generated source file: code asks for a class or a static member and gets the
 * simple name to write, and the file lists what was asked for, sorted.
 */
final class Imports {
    private final TreeSet<String> types = new TreeSet<>();
    private final TreeSet<String> statics = new TreeSet<>();

    /** The simple name of a class, imported. */
    String type(Class<?> type) {
        return type(type.getName().replace('$', '.'));
    }

    /** The simple name of a class given by its full name, imported. */
    String type(String fullName) {
        types.add(fullName);
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    /** A static member of a class, imported. */
    String member(Class<?> owner, String member) {
        statics.add(owner.getName() + "." + member);
        return member;
    }

    /** The import lines: classes first, then static members, each group sorted. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String t : types) {
            if (!t.startsWith("java.lang.") || t.indexOf('.', "java.lang.".length()) >= 0) {
                out.add("import " + t + ";");
            }
        }
        if (!statics.isEmpty()) {
            if (!out.isEmpty()) {
                out.add("");
            }
            for (String s : statics) {
                out.add("import static " + s + ";");
            }
        }
        return out;
    }
}
