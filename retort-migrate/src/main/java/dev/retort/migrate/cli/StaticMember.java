package dev.retort.migrate.cli;

import dev.retort.ConfigurationException;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reads a value from a public static field or no-argument method named as
 * {@code com.example.Schema#METADATA}, loading the class through the thread's context class
 * loader (the application's class path).
 */
final class StaticMember {
    private StaticMember() {
    }

    static <T> T read(String reference, Class<T> type, String setting) {
        int hash = reference.indexOf('#');
        if (hash <= 0 || hash == reference.length() - 1) {
            throw new ConfigurationException(setting + "=" + reference + " should name a class and a member: "
                    + "com.example.Schema#METADATA (a public static field) or com.example.Schema#metadata (a public "
                    + "static method without parameters).");
        }
        String className = reference.substring(0, hash);
        String member = reference.substring(hash + 1);
        Class<?> owner;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            owner = Class.forName(className, true, loader != null ? loader : StaticMember.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException(setting + "=" + reference + ": class " + className + " is not on the class "
                    + "path. Run the tool with the application's classes on its class path (see docs/migrations.md).");
        }
        Object value = value(owner, member, reference, setting);
        if (!type.isInstance(value)) {
            throw new ConfigurationException(setting + "=" + reference + " gives "
                    + (value == null ? "null" : "a " + value.getClass().getName()) + ", not a " + type.getSimpleName() + ".");
        }
        return type.cast(value);
    }

    private static Object value(Class<?> owner, String member, String reference, String setting) {
        try {
            for (Field f : owner.getFields()) {
                if (f.getName().equals(member) && Modifier.isStatic(f.getModifiers())) {
                    return f.get(null);
                }
            }
            Method m = owner.getMethod(member);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new ConfigurationException(setting + "=" + reference + ": method " + member + " is not static.");
            }
            return m.invoke(null);
        } catch (NoSuchMethodException e) {
            throw new ConfigurationException(setting + "=" + reference + ": " + owner.getName() + " has no public static "
                    + "field " + member + " and no public static method " + member + "() without parameters.");
        } catch (InvocationTargetException e) {
            throw new ConfigurationException(setting + "=" + reference + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new ConfigurationException(setting + "=" + reference + " is not accessible: make the class and the "
                    + "member public.", e);
        }
    }
}
