package org.negotiationledger.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The read side is not a web layer: the projection, the rebuild and the queries know nothing of HTTP, so that
 * the server's controllers stay the one place where a request becomes a call. Its packages stack: the folds
 * know no table, the tables no rebuild.
 */
@AnalyzeClasses(packages = "org.negotiationledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    @ArchTest
    static final ArchRule projectionsAreFreeOfSpringWeb = noClasses()
            .that()
            .resideInAPackage("org.negotiationledger.projections..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.negotiationledger.projections.(*)..")
            .should()
            .beFreeOfCycles();
}
