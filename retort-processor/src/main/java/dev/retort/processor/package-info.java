/**
 * Retort's annotation processor: {@link dev.retort.processor.MetamodelProcessor} writes, for every
 * class annotated {@code @dev.retort.orm.Entity}, a metamodel class next to it.
 *
 * <p>For an entity {@code com.example.User} the metamodel is {@code com.example.User_} (for a
 * static nested class {@code Outer.User}, the top-level class {@code Outer_User_}). It holds the
 * entity's {@code EntityMapping} ({@code MAPPING}), its table ({@code TABLE}), one typed column
 * constant per mapped field (one per component for an {@code @Embedded} value) and a nested class
 * {@code Accessor}, an {@code EntityAccessor} that reads and writes the fields and creates instances
 * without reflection.
 *
 * <p>Put the processor on the annotation processor path, for example with Maven:
 *
 * <pre>{@code
 * <plugin>
 *   <artifactId>maven-compiler-plugin</artifactId>
 *   <configuration>
 *     <annotationProcessorPaths>
 *       <path>
 *         <groupId>dev.retort</groupId>
 *         <artifactId>retort-processor</artifactId>
 *         <version>${retort.version}</version>
 *       </path>
 *     </annotationProcessorPaths>
 *   </configuration>
 * </plugin>
 * }</pre>
 *
 * <p>The processor reads the ORM's annotations by their qualified names, so it depends on nothing but
 * the JDK. Mistakes that would make the mapping fail at run time (a final field, no constructor
 * Retort can call, a constructor parameter that names no field, a record or an inner class marked {@code @Entity}) are reported as
 * compile-time errors on the offending element.
 */
package dev.retort.processor;
