package org.negotiationledger.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain leads: the write model knows Axon and nothing of Spring, persistence or the web. */
@AnalyzeClasses(packages = "org.negotiationledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Every event type states the revision of its stored shape, so that a later shape is read from an older one by
     * an upcaster (docs/domain.md, "How an event type evolves"). Events are named as the style has them,
     * {@code NounPastTense} ({@code TruceAgreed}, {@code PledgeMade}); commands and values are not.
     */
    @ArchTest
    static final ArchRule everyEventTypeHasARevision = classes()
            .that()
            .resideInAPackage("org.negotiationledger.core..")
            .and()
            .areAssignableTo(Record.class)
            .and()
            .haveSimpleNameEndingWith("ed")
            .or()
            .haveSimpleNameEndingWith("Made")
            .should()
            .beAnnotatedWith(org.axonframework.serialization.Revision.class);

    @ArchTest
    static final ArchRule coreDependsOnAxonOnly = classes()
            .that()
            .resideInAPackage("org.negotiationledger.core..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "org.negotiationledger.core..",
                    "java..",
                    "org.axonframework..",
                    "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule aggregatesReadNoClock =
            com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noWallClockInTheDomain = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that()
            .resideInAPackage("org.negotiationledger.core..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("aggregates are deterministic: time comes from the command or the event");
}
