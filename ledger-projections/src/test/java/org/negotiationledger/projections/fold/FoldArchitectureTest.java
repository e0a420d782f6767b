package org.negotiationledger.projections.fold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** A view is a fold: pure logic over the domain's events, with no framework, storage or clock in it. */
@AnalyzeClasses(packages = "org.negotiationledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class FoldArchitectureTest {

    @ArchTest
    static final ArchRule foldsArePure = classes()
            .that()
            .resideInAPackage("..projections.fold..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "..projections.fold..",
                    "java..",
                    "org.negotiationledger.core..",
                    "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule projectionsNeverTouchAggregates = noClasses()
            .that()
            .resideInAPackage("org.negotiationledger.projections..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(
                    org.negotiationledger.core.actor.Actor.class,
                    org.negotiationledger.core.commitment.Commitment.class,
                    org.negotiationledger.core.negotiation.Negotiation.class,
                    org.negotiationledger.core.statement.Statement.class);

    @ArchTest
    static final ArchRule noWallClock = noClasses()
            .that()
            .resideInAPackage("..projections.fold..")
            .should()
            .callMethod(java.time.Instant.class, "now");
}
