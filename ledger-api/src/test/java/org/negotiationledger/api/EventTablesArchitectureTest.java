package org.negotiationledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.negotiationledger.api.storage.EventStoreDirectory;
import org.negotiationledger.seal.SealingEventStorageEngine;
import org.negotiationledger.seal.events.EventTables;

/**
 * Axon's event and token tables are read through one door, {@link EventTables}: no other class of the server,
 * the projections or the seal names {@code DomainEventEntry} or {@code TokenEntry} (in SQL or otherwise), nor
 * uses Axon's JPA classes of those names. SQL is a string, which ArchUnit does not see, so each class's
 * compiled bytes are searched: a string constant, like every name a class uses, is in its constant pool.
 */
@AnalyzeClasses(packages = "org.negotiationledger", importOptions = ImportOption.DoNotIncludeTests.class)
class EventTablesArchitectureTest {

    /** The tables' names, as any case of them names the same table in SQL. */
    private static final List<String> TABLES = List.of("domainevententry", "tokenentry");

    /**
     * Besides the door itself: Axon's storage engine, which the sealing engine extends and which knows its
     * tables from Axon's {@code EventSchema}, and the directory that asks that engine (not the tables) whether
     * a stream exists. They configure and extend the engine; they are not readers of the history.
     */
    private static final Set<Class<?>> ENGINE = Set.of(SealingEventStorageEngine.class, EventStoreDirectory.class);

    @ArchTest
    static final ArchRule onlyTheDoorNamesTheEventTables = classes()
            .that(DescribedPredicate.describe(
                    "are not the door to the event tables or the storage engine", (JavaClass c) -> !exempt(c)))
            .should(new ArchCondition<JavaClass>("not name DomainEventEntry or TokenEntry") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                        if (names(dependency.getTargetClass().getName())) {
                            events.add(SimpleConditionEvent.violated(javaClass, dependency.getDescription()));
                        }
                    }
                    String bytes = bytesOf(javaClass).toLowerCase(Locale.ROOT);
                    for (String table : TABLES) {
                        if (bytes.contains(table)) {
                            events.add(SimpleConditionEvent.violated(
                                    javaClass,
                                    javaClass.getName() + " names " + table + "; read it through "
                                            + EventTables.class.getName()));
                        }
                    }
                }
            })
            .because("the layout of Axon's tables is known in one place, so the next reader of the history asks "
                    + "there; see EventTables");

    private static boolean exempt(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        String name = outer.getName();
        return name.equals(EventTables.class.getName())
                || ENGINE.stream().anyMatch(engine -> engine.getName().equals(name));
    }

    private static boolean names(String className) {
        String lower = className.toLowerCase(Locale.ROOT);
        return TABLES.stream().anyMatch(lower::contains);
    }

    /** The class file as text: its constant pool's strings are (modified) UTF-8, so ASCII names read as they are. */
    private static String bytesOf(JavaClass javaClass) {
        var source = javaClass
                .getSource()
                .orElseThrow(() -> new IllegalStateException("no class file for " + javaClass.getName()));
        try (InputStream in = source.getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source.getUri(), e);
        }
    }
}
