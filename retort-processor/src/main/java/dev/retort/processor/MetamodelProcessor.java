package dev.retort.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Writes a metamodel class for every class annotated {@code @dev.retort.orm.Entity}.
 *
 * <p>For {@code com.example.User} it writes {@code com.example.User_} (for a static nested class
 * {@code Outer.User}, the top-level class {@code Outer_User_} in the same package) holding:
 *
 * <ul>
 *   <li>{@code MAPPING}, the entity's {@code dev.retort.orm.mapping.EntityMapping}, and
 *       {@code TABLE}, its table;</li>
 *   <li>one {@code dev.retort.schema.Column<T>} constant per mapped field, named after the field in
 *       UPPER_SNAKE_CASE ({@code createdAt} gives {@code CREATED_AT}), typed with the field's type
 *       (primitives boxed); an {@code @Embedded} field gets one constant per component instead
 *       ({@code ADDRESS_CITY} for component {@code city} of field {@code address}); fields holding a
 *       {@code Collection} or a {@code Map} get none;</li>
 *   <li>{@code Accessor}, a {@code dev.retort.orm.mapping.EntityAccessor} that creates instances and
 *       reads and writes every stored field (the entity's and its superclasses', topmost superclass
 *       first, each class's in declaration order) without reflection: directly where the field is
 *       accessible from the entity's package, through a {@code VarHandle} otherwise.</li>
 * </ul>
 *
 * <p>A field is stored unless it is static, {@code transient} or annotated
 * {@code @dev.retort.orm.Transient}. An entity must be a concrete, non-generic class, top level or
 * static nested and not private, with a constructor Retort can call (the one marked
 * {@code @dev.retort.orm.Creator}, else a no-argument one of any visibility, else the only one;
 * each parameter named like a stored field of its type) and no final stored field; otherwise the processor reports an error on the offending element and writes
 * nothing for that class. Abstract classes are skipped without a message.
 *
 * <p>The processor reads the annotations by their qualified names, so it needs none of Retort's
 * modules. It is an isolating processor for Gradle's incremental compilation: each metamodel is
 * derived from its entity class and that class's supertypes only.
 */
public final class MetamodelProcessor extends AbstractProcessor {
    /** The qualified name of the annotation that marks an entity. */
    public static final String ENTITY = "dev.retort.orm.Entity";

    /** Entities already handled (written, skipped or reported), by qualified name. */
    private final Set<String> handled = new HashSet<>();
    /** Entities waiting for a type that another processor may generate, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();
    private EntityAnalyzer analyzer;
    private TypeRenderer renderer;

    /** Creates the processor; the compiler does, through {@link java.util.ServiceLoader}. */
    public MetamodelProcessor() {
    }

    /** @return the one supported annotation type, {@value #ENTITY} */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ENTITY);
    }

    /** @return the latest source version of the running compiler: the processor reads no version-specific syntax */
    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Prepares the processor.
     *
     * @param processingEnv the compiler's environment
     */
    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        renderer = new TypeRenderer(processingEnv.getTypeUtils(), processingEnv.getElementUtils());
        analyzer = new EntityAnalyzer(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), renderer);
    }

    /**
     * Writes the metamodels of this round's entities, and of earlier ones that waited for a type
     * generated since.
     *
     * @param annotations the annotation types of this round that this processor supports
     * @param roundEnv the round
     * @return {@code false}: the annotation stays available to other processors
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        List<TypeElement> entities = new ArrayList<>();
        Elements elements = processingEnv.getElementUtils();
        for (String name : deferred) {
            TypeElement entity = elements.getTypeElement(name);
            if (entity != null) {
                entities.add(entity);
            }
        }
        deferred.clear();
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(ENTITY)) {
                for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                    if (element instanceof TypeElement) {
                        entities.add((TypeElement) element);
                    }
                }
            }
        }
        for (TypeElement entity : entities) {
            String name = entity.getQualifiedName().toString();
            if (!handled.contains(name) && !deferred.contains(name)) {
                handle(entity, name, roundEnv.processingOver());
            }
        }
        return false;
    }

    private void handle(TypeElement entity, String name, boolean lastRound) {
        EntityAnalyzer.Analysis analysis = analyzer.analyze(entity);
        switch (analysis.outcome()) {
            case PENDING:
                if (!lastRound) {
                    deferred.add(name);
                    return;
                }
                error(analysis.pending().element(), "Cannot write the metamodel of entity " + name + ": "
                        + analysis.pending().message() + " cannot be resolved");
                break;
            case INVALID:
                for (EntityAnalyzer.Problem problem : analysis.problems()) {
                    error(problem.element(), problem.message());
                }
                break;
            case GENERATE:
                write(analysis.model());
                break;
            case SKIP:
            default:
                break;
        }
        handled.add(name);
    }

    private void write(EntityModel model) {
        String source = MetamodelWriter.write(model, renderer);
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(model.qualifiedMetamodelName(), model.element());
            try (Writer writer = file.openWriter()) {
                writer.write(source);
            }
        } catch (FilerException e) {
            error(model.element(), "Cannot write the metamodel of entity " + model.entityName() + " as "
                    + model.qualifiedMetamodelName() + " (" + e.getMessage() + "); is another class generating "
                    + "or declaring that name?");
        } catch (IOException e) {
            error(model.element(), "Cannot write the metamodel of entity " + model.entityName() + ": " + e);
        }
    }

    private void error(Element element, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
