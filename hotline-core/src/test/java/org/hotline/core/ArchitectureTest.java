package org.hotline.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layout that shows the design: a feature ({@code org.hotline.core.<feature>}) talks to another feature only
 * through that feature's public types; its {@code internal} package (repositories, Camel routes, adapters) is its
 * own. Only the composition roots — the node's assembly ({@code node}) and the command-line tools ({@code cli})
 * — wire internals together.
 */
class ArchitectureTest {

    private static final String ROOT = "org.hotline.core";
    /** Packages that assemble the features: they may construct any feature's implementations. */
    private static final java.util.Set<String> COMPOSITION_ROOTS = java.util.Set.of("node", "cli");
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void shouldKeepEachFeaturesInternalPackageToItself() {
        // when
        List<String> violations = new ArrayList<>();
        for (JavaClass c : MAIN) {
            Optional<String> feature = feature(c.getPackageName());
            if (feature.isEmpty() || COMPOSITION_ROOTS.contains(feature.get())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                Optional<String> owner = feature(target);
                if (target.contains(".internal") && owner.isPresent() && !owner.equals(feature)) {
                    violations.add(c.getName() + " -> " + d.getTargetClass().getName());
                }
            }
        }

        // then
        assertThat(new TreeSet<>(violations)).as("features reaching into another feature's internal package").isEmpty();
    }

    @Test
    void shouldLeaveRawDocumentsToTheFeaturesThatOwnACollection() {
        // given: the features that keep records of their own: a collection behind its repository or store, the
        // journal of BSON documents (intake: tips pass through it only as opaque SealedTips), the console's forms
        // kept sealed during a MongoDB outage, the text channel (its sessions and outbox), live telephony, QA, abuse flags
        java.util.Set<String> owners = java.util.Set.of("tip", "referral", "audit", "auth", "duty", "followup", "live",
                "pathway", "privacy", "stats", "storage", "crypto", "intake", "console", "text", "telephony", "qa",
                "abuse", "related");
        // when
        List<String> violations = new ArrayList<>();
        for (JavaClass c : MAIN) {
            Optional<String> feature = feature(c.getPackageName());
            if (feature.isPresent() && !owners.contains(feature.get()) && c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getName().equals("org.bson.Document"))) {
                violations.add(c.getName());
            }
        }
        // then: intake, routing, the consoles, the node's wiring and the rest see typed tips and referrals only
        assertThat(new TreeSet<>(violations)).as("classes handling raw documents outside their owners").isEmpty();
    }

    @Test
    void shouldFindTheRuleOnAPlantedViolation() {
        // given a dependency from the console feature on the referral feature's internals, as the check sees it
        String from = ROOT + ".console";
        String to = ROOT + ".referral.internal";

        // then the rule's notion of "feature" tells them apart; only the assembly packages are exempt
        assertThat(feature(from)).contains("console");
        assertThat(feature(to)).contains("referral");
        assertThat(feature(ROOT)).isEmpty();
        assertThat(COMPOSITION_ROOTS).contains(feature(ROOT + ".node").orElseThrow()).doesNotContain("console");
    }

    /** The feature a package belongs to: its first segment under the root; none for the root itself. */
    static Optional<String> feature(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
