package com.engagementledger.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries every service keeps, checked by each service's architecture test. A feature is a package right
 * below the service's base package ({@code …engagement.decision}, {@code …scorecard.measures}); its sub-packages are
 * its internals.
 * <ul>
 *   <li>features form no package cycle;</li>
 *   <li>a feature uses another only through that feature's own package, never its sub-packages;</li>
 *   <li>the domain (aggregates, measures, rules: each service says which classes) uses no web, HTTP or JDBC type;</li>
 *   <li>controllers decide no domain rule: they use neither a service's domain-rule types nor its aggregates.</li>
 * </ul>
 */
public final class ServiceArchitecture {
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    private final String basePackage;
    private final JavaClasses classes;

    private ServiceArchitecture(String basePackage, JavaClasses classes) {
        this.basePackage = basePackage;
        this.classes = classes;
    }

    /** The production classes of the service whose application class this is (its package is the base). */
    public static ServiceArchitecture of(Class<?> application) {
        String base = application.getPackageName();
        return new ServiceArchitecture(base, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base));
    }

    public void featuresAreFreeOfCycles() {
        slices().matching(basePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    public void featuresUseEachOtherOnlyThroughTheirOwnPackage() {
        classes().should(new ArchCondition<>("use another feature only through that feature's own package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    String to = feature(target);
                    if (to != null && !to.equals(from) && !target.equals(basePackage + "." + to)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + " reaches into " + target + ", an internal package of feature " + to));
                    }
                }
            }
        }).check(classes);
    }

    /** {@code domain} names the service's domain classes; none of them may touch the web, HTTP or JDBC. */
    public void domainUsesNoWebOrJdbc(DescribedPredicate<? super JavaClass> domain) {
        noClasses().that(domain)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..", "org.springframework.jdbc..", "java.sql..",
                        "javax.sql..")
                .because("the domain is decided apart from how it is reached and stored")
                .check(classes);
    }

    /** Controllers translate between HTTP and the domain: they use none of {@code domainRules}' types. */
    public void controllersDecideNoDomainRule(DescribedPredicate<? super JavaClass> domainRules) {
        noClasses().that().areAnnotatedWith(REST_CONTROLLER)
                .should().dependOnClassesThat(domainRules)
                .because("a domain rule is decided by the domain, which a controller only calls")
                .check(classes);
    }

    /** The feature a package belongs to, or null outside the service. */
    private String feature(String packageName) {
        if (!packageName.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = packageName.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
