package io.csvingest;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages follow a file's journey and data flows one way: a package uses only the packages before it in
 * {@link #FLOW}, never one after it; the feed model uses none of the pipeline; there is no cycle.
 */
class PackageRulesTest {

    /**
     * From the shared vocabulary to the assembled journey: intake, parse, clean, load, outcome; then the journeys built
     * on a load: retracting one, checking a file as it would load.
     */
    static final List<String> FLOW = List.of("io.csvingest", "io.csvingest.feed", "io.csvingest.context",
            "io.csvingest.metrics", "io.csvingest.intake", "io.csvingest.ledger", "io.csvingest.parse",
            "io.csvingest.clean", "io.csvingest.load", "io.csvingest.outcome", "io.csvingest.retract", "io.csvingest.check",
            "io.csvingest.ops", "io.csvingest.route");

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.csvingest");

    @Test
    void should_have_no_package_cycles() {
        slices().matching("io.csvingest.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void should_let_each_package_use_only_the_packages_before_it_in_the_flow() {
        for (int i = 0; i < FLOW.size(); i++) {
            List<String> later = FLOW.subList(i + 1, FLOW.size());
            noClasses().that().resideInAPackage(FLOW.get(i))
                    .should().dependOnClassesThat().resideInAnyPackage(later.toArray(String[]::new))
                    .as(FLOW.get(i) + " uses none of " + later)
                    .check(classes);
        }
    }

    @Test
    void should_keep_the_feed_reloading_apart_from_the_pipeline() {
        noClasses().that().resideInAPackage("io.csvingest.feeds")
                .should().dependOnClassesThat().resideInAnyPackage(FLOW.subList(1, FLOW.size()).toArray(String[]::new))
                .check(classes);
    }
}
