package anguan.local.architecture;

import static anguan.local.architecture.ProjectModules.in;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.ProjectRoot;
import anguan.local.architecture.ProjectModules.Kind;
import anguan.local.architecture.ProjectModules.Module;
import anguan.local.cloud.ResourceCreator;
import anguan.local.template.FunctionDefinition;
import anguan.local.template.Template;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The dependency rules of DESIGN.md over the real main classes of every module: the domain is pure,
 * dependencies point inward only (functions → shared adapters → shared/domain), no function uses
 * another, and no code scans a DynamoDB table. Runs in local/, which Maven builds after all others.
 */
class ArchitectureTest {
    private static final String DOMAIN = "shared/domain";
    /** What the domain must not know: AWS, Jackson, PDFBox, ofdrw, BouncyCastle. */
    private static final String[] OUTSIDE_THE_DOMAIN = {
            "software.amazon..", "com.amazonaws..", "com.fasterxml..", "org.apache.pdfbox..", "org.ofdrw..", "org.bouncycastle.."};
    private static final Set<String> DYNAMODB_CLIENTS = Set.of(
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncIndex");

    private static Path root;
    private static ProjectModules modules;

    @BeforeAll
    static void importEveryModule() {
        root = ProjectRoot.locate();
        modules = ProjectModules.importFrom(root);
        for (Module m : modules.all()) {
            System.out.printf("[architecture] %s (%s): %d classes in %s%n", m.folder(), m.kind().name().toLowerCase(),
                    m.classNames().size(), String.join(", ", m.packages()));
        }
    }

    @Test
    void everyKindOfModuleIsThere() {
        for (Kind kind : Kind.values()) {
            assertFalse(modules.ofKind(kind).isEmpty(), "no " + kind + " module found under " + root);
        }
    }

    /** The template names each function's handler; the rules below cover those classes only if a function module holds them. */
    @Test
    void everyHandlerOfTheTemplateIsAClassOfAFunctionModule() {
        List<Module> functions = modules.ofKind(Kind.FUNCTION);
        for (FunctionDefinition function : Template.load(root.resolve("template.yaml")).functions()) {
            assertTrue(functions.stream().anyMatch(m -> m.classNames().contains(function.handlerClass())),
                    () -> function.logicalId() + "'s Handler " + function.handlerClass() + " is in none of the function modules "
                            + functions.stream().map(Module::folder).toList());
        }
    }

    @Test
    void theDomainLivesInAnguanDomain() {
        classes().that(in(modules.module(DOMAIN))).should().resideInAPackage("anguan.domain..")
                .check(modules.classes());
    }

    @Test
    void theDomainKnowsNothingOfAwsJsonPdfOfdOrCrypto() {
        noClasses().that(in(modules.module(DOMAIN)))
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_THE_DOMAIN)
                .because("shared/domain is pure Java (DESIGN.md, Modules): the rules run anywhere, in milliseconds")
                .check(modules.classes());
    }

    @Test
    void theDomainUsesNoOtherModule() {
        noClasses().that(in(modules.module(DOMAIN)))
                .should().dependOnClassesThat(resideInAPackage("anguan..").and(not(in(modules.module(DOMAIN)))))
                .because("dependencies point inward only: the adapters, functions and the local runner use the domain, never the reverse")
                .check(modules.classes());
    }

    @Test
    void sharedModulesUseNoFunctionAndNotTheLocalRunner() {
        List<Module> outer = new ArrayList<>(modules.ofKind(Kind.FUNCTION));
        outer.addAll(modules.ofKind(Kind.LOCAL));
        noClasses().that(in(modules.ofKind(Kind.SHARED)))
                .should().dependOnClassesThat(in(outer))
                .because("shared modules are what functions are built from; a function's code belongs in its own module")
                .check(modules.classes());
    }

    /** One rule per function folder, so that a new function is covered as soon as its module exists. */
    @TestFactory
    Stream<DynamicTest> eachFunctionUsesOnlyItselfAndTheSharedModules() {
        List<Module> shared = modules.ofKind(Kind.SHARED);
        return modules.ofKind(Kind.FUNCTION).stream().map(function -> DynamicTest.dynamicTest(function.folder(), () ->
                noClasses().that(in(function))
                        .should().dependOnClassesThat(resideInAPackage("anguan..").and(not(in(function))).and(not(in(shared))))
                        .because("a function may use, besides its own " + ProjectModules.packagesOf(List.of(function))
                                + ", only the shared modules (" + ProjectModules.packagesOf(shared) + "): each runs from its own zip")
                        .check(modules.classes())));
    }

    @Test
    void theLocalRunnerReachesFunctionsOnlyThroughTheirZips() {
        noClasses().that(in(modules.ofKind(Kind.LOCAL)))
                .should().dependOnClassesThat(in(modules.ofKind(Kind.FUNCTION)))
                .because("the runner loads each function from its Lambda zip in its own class loader, as Lambda does")
                .check(modules.classes());
    }

    @Test
    void noCodeScansADynamoDbTable() {
        DescribedPredicate<JavaMethodCall> scan = DescribedPredicate.describe("a DynamoDB scan",
                call -> call.getTarget().getName().startsWith("scan")
                        && DYNAMODB_CLIENTS.contains(call.getTargetOwner().getName()));
        ArchRule rule = noClasses().that(in(modules.all()))
                // A persisted local table that lacks a newer index is copied into a new one: local data, never a request.
                .and(not(DescribedPredicate.describe("the local cloud's ResourceCreator",
                        (JavaClass c) -> c.getName().equals(ResourceCreator.class.getName()))))
                .should().callMethodWhere(scan)
                .orShould().dependOnClassesThat(DescribedPredicate.describe("DynamoDB's Scan types (ScanRequest, its Builder, ScanIterable, ...)",
                        ArchitectureTest::isDynamoDbScanType))
                .because("a Scan reads the whole table: no request path may cost more as the table grows (DESIGN.md)");
        rule.check(modules.classes());
    }

    /** ScanRequest, ScanRequest$Builder, ScanResponse, ScanIterable, ... of the SDK's DynamoDB clients. */
    private static boolean isDynamoDbScanType(JavaClass c) {
        String name = c.getBaseComponentType().getName();
        String topLevel = name.substring(name.lastIndexOf('.') + 1);
        return (name.startsWith("software.amazon.awssdk.services.dynamodb.") || name.startsWith("software.amazon.awssdk.enhanced.dynamodb."))
                && topLevel.startsWith("Scan");
    }
}
