package org.orchestratoree.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of the main code: a pure domain core, infrastructure around it, the API at the edge. */
@AnalyzeClasses(packages = "org.orchestratoree", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] INFRASTRUCTURE = {
            "jakarta..", "java.sql..", "org.jgroups..", "com.ecwid..", "org.apache.curator.."};

    @ArchTest
    static final ArchRule topologyDependsOnlyOnJava = classes()
            .that().resideInAPackage("org.orchestratoree.topology..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.orchestratoree.topology..");

    @ArchTest
    static final ArchRule analysisDependsOnlyOnTopologyAndJava = classes()
            .that().resideInAPackage("org.orchestratoree.analysis..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.orchestratoree.topology..", "org.orchestratoree.analysis..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = noClasses()
            .that().resideInAnyPackage("org.orchestratoree.topology..", "org.orchestratoree.analysis..")
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);

    @ArchTest
    static final ArchRule persistenceDoesNotReachUp = noClasses()
            .that().resideInAPackage("org.orchestratoree.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.orchestratoree.api..", "org.orchestratoree.discovery..", "org.orchestratoree.web..");

    @ArchTest
    static final ArchRule configIsSelfContained = noClasses()
            .that().resideInAPackage("org.orchestratoree.config..")
            .should().dependOnClassesThat(resideInAPackage("org.orchestratoree..")
                    .and(not(resideInAPackage("org.orchestratoree.config.."))));

    @ArchTest
    static final ArchRule nothingButTheApiDependsOnTheApi = noClasses()
            .that().resideOutsideOfPackage("org.orchestratoree.api..")
            .should().dependOnClassesThat().resideInAPackage("org.orchestratoree.api..");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices()
            .matching("org.orchestratoree.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule infrastructureDriversStayOutOfTheApi = noClasses()
            .that().resideInAnyPackage("org.orchestratoree.api..", "org.orchestratoree.topology..")
            .should().dependOnClassesThat(resideInAnyPackage("com.zaxxer..", "org.sqlite..", "com.mysql..",
                    "org.mariadb.."));
}
