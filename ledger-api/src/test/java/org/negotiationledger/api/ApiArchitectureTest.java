package org.negotiationledger.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's packages form a tree a newcomer can read from the bottom: none reaches back into one that
 * depends on it, and the vocabulary of refusals ({@code problem}) and of parameters ({@code param}) knows none
 * of the features that use it.
 */
@AnalyzeClasses(packages = "org.negotiationledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("org.negotiationledger.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule problemsKnowNoFeature = refusalsAndParameters("problem");

    @ArchTest
    static final ArchRule parametersKnowNoFeature = refusalsAndParameters("param");

    private static ArchRule refusalsAndParameters(String name) {
        String own = "org.negotiationledger.api." + name + "..";
        return classes()
                .that()
                .resideInAPackage(own)
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("org.negotiationledger.api..")
                        .or(resideInAnyPackage(
                                own, "org.negotiationledger.api.problem..", "org.negotiationledger.api.config..")))
                .because("every feature refuses and binds through these; they must not depend on a feature back");
    }
}
