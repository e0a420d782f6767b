package org.negotiationledger.seal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The seal is a library a third party's verifier can use: the byte format of the chain depends on Axon's
 * storage engine, Jackson and the record ids, never on Spring or the server.
 */
@AnalyzeClasses(packages = "org.negotiationledger.seal", importOptions = ImportOption.DoNotIncludeTests.class)
class SealArchitectureTest {

    @ArchTest
    static final ArchRule sealDependsOnAxonAndJacksonOnly = classes()
            .that()
            .resideInAPackage("org.negotiationledger.seal..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "org.negotiationledger.seal..",
                    "org.negotiationledger.core.shared..",
                    "java..",
                    "javax.sql..",
                    "org.axonframework..",
                    "com.fasterxml.jackson..",
                    "org.slf4j..");

    /** The chain ({@code seal}) and the reader of the tables ({@code seal.events}) do not lean on each other. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("org.negotiationledger.(**)").should().beFreeOfCycles();
}
