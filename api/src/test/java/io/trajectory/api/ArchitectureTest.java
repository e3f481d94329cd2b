package io.trajectory.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's structure stays one-way: feature packages depend on the shared plumbing
 * ({@code web}, {@code chart}, {@code snapshot}) and on the warehouse, never the other way round,
 * and the service never links the ETL or Spark (landing -> lake -> snapshot -> service -> browser).
 */
class ArchitectureTest {

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.trajectory.api");

    @Test
    void theServicesPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.trajectory.api.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void thePlumbingKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("io.trajectory.api.web..", "io.trajectory.api.chart..",
                        "io.trajectory.api.snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trajectory.api.pages..",
                        "io.trajectory.api.refresh..", "io.trajectory.api.trend..", "io.trajectory.api.gap..",
                        "io.trajectory.api.comparison..", "io.trajectory.api.catalogue..",
                        "io.trajectory.api.commitments..", "io.trajectory.api.security..", "io.trajectory.api.bench..")
                .check(SERVICE);
    }

    @Test
    void theServiceNeverLinksTheEtlOrSpark() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.trajectory.etl..", "org.apache.spark..")
                .check(SERVICE);
    }

    @Test
    void theChartsAreDrawnFromWarehouseAnswersNotFromPages() {
        noClasses().that().resideInAPackage("io.trajectory.api.chart..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.trajectory.api.chart..",
                        "io.trajectory.warehouse..", "java..", "io.micronaut..", "com.fasterxml.jackson..")
                .check(SERVICE);
    }
}
