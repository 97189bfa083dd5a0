package org.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The packages form one-way layers: each may use the packages below it and none above it, so a
 * reader can understand (and a change can touch) a layer without the ones built on it.
 */
class PackageDirectionTest {

    /** Bottom to top. */
    private static final List<String> LAYERS =
            List.of("i18n", "config", "persistence", "metadata", "ops", "audit", "identity", "service", "demo", "web");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gatehouse");

    @Test
    void noPackageUsesOneAboveIt() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .map(name -> "org.gatehouse." + name + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("org.gatehouse." + LAYERS.get(i) + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(above)
                    .because(LAYERS.get(i) + " lies below " + String.join(", ", LAYERS.subList(i + 1, LAYERS.size())))
                    .check(CLASSES);
        }
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("org.gatehouse.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        Set<String> packages = new TreeSet<>();
        CLASSES.forEach(
                type -> packages.add(type.getPackageName().replaceFirst("^org\\.gatehouse\\.([a-z0-9]+).*$", "$1")));
        assertEquals(new TreeSet<>(LAYERS), packages, "a new package gets a place in LAYERS");
    }
}
