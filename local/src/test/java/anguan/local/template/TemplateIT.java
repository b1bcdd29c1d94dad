package anguan.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against what was built and what the platform requires: every function's zip with
 * its handler, java25, dead-letter queues, least-privilege IAM, the JWT authorizer, a private
 * encrypted versioned bucket, and every route in scope wired.
 */
class TemplateIT {
    private static final Path ROOT = ProjectRoot.locate();
    private static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));

    @Test
    void everyFunctionsZipExistsAndHoldsItsHandlerAtTheRoot() throws IOException {
        assertFalse(TEMPLATE.functions().isEmpty());
        for (FunctionDefinition function : TEMPLATE.functions()) {
            Path zip = ROOT.resolve(function.codeUri());
            assertTrue(Files.isRegularFile(zip), zip + " is missing: build with mvn -DskipTests install");
            String handlerClass = function.handlerClass().replace('.', '/') + ".class";
            try (ZipFile file = new ZipFile(zip.toFile())) {
                assertNotNull(file.getEntry(handlerClass), zip + " lacks " + handlerClass);
                assertTrue(file.stream().anyMatch(e -> e.getName().startsWith("lib/") && e.getName().endsWith(".jar")), zip + " has no lib/*.jar");
            }
        }
    }

    @Test
    void everyFunctionRunsOnJava25() {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            assertEquals("java25", function.runtime(), function.logicalId());
        }
    }

    @Test
    void everyQueueThatIsNoDeadLetterQueueHasOne() {
        Set<String> deadLetterQueues = new java.util.HashSet<>();
        for (Resource queue : TEMPLATE.resourcesOfType(Template.QUEUE)) {
            Object target = queue.path("RedrivePolicy", "deadLetterTargetArn");
            if (target instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof List<?> parts) {
                deadLetterQueues.add(String.valueOf(parts.getFirst()));
            }
        }
        for (Resource queue : TEMPLATE.resourcesOfType(Template.QUEUE)) {
            if (!deadLetterQueues.contains(queue.logicalId())) {
                assertNotNull(queue.path("RedrivePolicy", "deadLetterTargetArn"), queue.logicalId() + " has no dead-letter queue");
                assertNotNull(queue.path("RedrivePolicy", "maxReceiveCount"), queue.logicalId());
            }
        }
        assertFalse(deadLetterQueues.isEmpty());
    }

    @Test
    void everySqsConsumerReportsBatchItemFailuresFromAQueueWithADeadLetterQueue() {
        // Without ReportBatchItemFailures one bad message makes its whole batch fail again, and the
        // good ones are redone until they land in the dead-letter queue too.
        for (QueueEventSource source : TEMPLATE.queueEventSources()) {
            String what = source.function() + " event " + source.eventName();
            assertTrue(source.reportBatchItemFailures(), what + " lacks FunctionResponseTypes: [ReportBatchItemFailures]");
            Resource queue = TEMPLATE.resource(source.queue()).orElseThrow();
            assertNotNull(queue.path("RedrivePolicy", "deadLetterTargetArn"), what + ": " + source.queue() + " has no dead-letter queue");
        }
    }

    @Test
    void noIamStatementGrantsEveryResource() {
        for (Resource resource : TEMPLATE.resources().values()) {
            List<Map<?, ?>> statements = statements(resource.properties());
            for (Map<?, ?> statement : statements) {
                Object target = statement.get("Resource");
                List<?> targets = target instanceof List<?> list ? list : List.of(String.valueOf(target));
                if (!smsOnly(statement, statements)) {
                    assertFalse(targets.contains("*"), resource.logicalId() + " grants Resource \"*\": " + statement);
                }
            }
        }
    }

    /**
     * The one allowed "*": SNS authorises a Publish to a phone number (an SMS) on "*" alone, as it
     * has no ARN. It passes only as an Allow of exactly sns:Publish on exactly "*", beside a Deny of
     * sns:Publish on every topic, so that the role can send SMS and publish to no topic.
     */
    private static boolean smsOnly(Map<?, ?> statement, List<Map<?, ?>> statements) {
        return "Allow".equals(statement.get("Effect")) && isOnly(statement.get("Action"), "sns:Publish")
                && isOnly(statement.get("Resource"), "*")
                && statements.stream().anyMatch(deny -> "Deny".equals(deny.get("Effect")) && isOnly(deny.get("Action"), "sns:Publish")
                        && isOnly(deny.get("Resource"), Map.of("Fn::Sub", "arn:${AWS::Partition}:sns:*:*:*")));
    }

    private static boolean isOnly(Object value, Object expected) {
        return expected.equals(value) || value instanceof List<?> list && list.equals(List.of(expected));
    }

    @Test
    void theSmsOnlyExceptionNeedsItsDenyOfTopics() {
        Map<String, Object> allow = Map.of("Effect", "Allow", "Action", "sns:Publish", "Resource", "*");
        Map<String, Object> deny = Map.of("Effect", "Deny", "Action", "sns:Publish",
                "Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:sns:*:*:*"));
        assertTrue(smsOnly(allow, List.of(allow, deny)));
        assertFalse(smsOnly(allow, List.of(allow)), "without the Deny every topic is open");
        Map<String, Object> wider = Map.of("Effect", "Allow", "Action", List.of("sns:Publish", "sns:Subscribe"), "Resource", "*");
        assertFalse(smsOnly(wider, List.of(wider, deny)), "only sns:Publish");
        Map<String, Object> dynamo = Map.of("Effect", "Allow", "Action", "dynamodb:GetItem", "Resource", "*");
        assertFalse(smsOnly(dynamo, List.of(dynamo, deny)));
    }

    @Test
    void theHttpApiChecksJwtsFromTheParametersIssuerAndAudience() {
        Resource api = TEMPLATE.resourcesOfType(Template.HTTP_API).getFirst();
        String defaultAuthorizer = String.valueOf(api.path("Auth", "DefaultAuthorizer"));
        JwtAuthorizerDefinition jwt = TEMPLATE.jwtAuthorizers().get(defaultAuthorizer);
        assertNotNull(jwt, "the default authorizer is a JWT authorizer");
        assertTrue(TEMPLATE.parameters().containsKey(ref(jwt.issuer())), "issuer is a parameter");
        assertTrue(TEMPLATE.parameters().containsKey(ref(jwt.audience())), "audience is a parameter");
    }

    @Test
    void everyParameterHasALocalValueSoAFunctionMayReferToAny() {
        anguan.local.cloud.PhysicalNames names = new anguan.local.cloud.PhysicalNames(TEMPLATE);
        for (String parameter : TEMPLATE.parameters().keySet()) {
            assertNotNull(names.ref(parameter), parameter);
        }
        assertTrue(String.valueOf(names.ref("KeyEncryptionKeySecretArn")).startsWith("arn:aws:secretsmanager:"));
        assertTrue(String.valueOf(names.ref("SigningMaterialSecretArn")).startsWith("arn:aws:secretsmanager:"));
    }

    @Test
    void theDocumentBucketIsVersionedEncryptedAndPrivate() {
        for (Resource bucket : TEMPLATE.resourcesOfType(Template.BUCKET)) {
            assertEquals("Enabled", bucket.path("VersioningConfiguration", "Status"));
            Object rules = bucket.path("BucketEncryption", "ServerSideEncryptionConfiguration");
            assertInstanceOf(List.class, rules);
            assertFalse(((List<?>) rules).isEmpty());
            for (String block : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertEquals(Boolean.TRUE, bucket.path("PublicAccessBlockConfiguration", block), bucket.logicalId() + " " + block);
            }
        }
        assertFalse(TEMPLATE.resourcesOfType(Template.BUCKET).isEmpty());
    }

    @Test
    void everyRouteInScopeIsWiredAndGuarded() {
        Set<String> wired = TEMPLATE.httpRoutes().stream().map(HttpRoute::routeKey).collect(Collectors.toSet());
        List<String> inScope = List.of(
                "GET /me", "POST /applications", "GET /applications", "GET /applications/{no}", "PUT /applications/{no}",
                "DELETE /applications/{no}", "POST /applications/{no}/submit",
                "PUT /registry/persons/{idNo}", "PUT /registry/enterprises/{uscc}",
                "PUT /registry/employments/{idNo}/{uscc}", "DELETE /registry/employments/{idNo}/{uscc}",
                "POST /registry/exam-results", "PUT /registry/external-certificates/{certificateNo}",
                "PUT /registry/certificates/{certificateNo}",
                "POST /applications/{no}/sms-codes", "POST /applications/{no}/personal-signature",
                "GET /applications/{no}/documents/{kind}", "GET /enterprise/applications", "GET /enterprise/applications/{no}",
                "GET /enterprise/applications/{no}/events", "GET /enterprise/applications/{no}/documents/{kind}",
                "POST /enterprise/applications/{no}/signature", "POST /enterprise/applications/{no}/signature/prepare",
                "POST /enterprise/applications/{no}/signature/complete");
        List<String> missing = new ArrayList<>(inScope);
        missing.removeAll(wired);
        assertEquals(List.of(), missing);
        for (HttpRoute route : TEMPLATE.httpRoutes()) {
            if (!route.path().startsWith("/public/")) {
                assertTrue(route.authorizer().isPresent(), route.routeKey() + " is not behind the JWT authorizer");
            }
        }
    }

    private static String ref(Object value) {
        return value instanceof Map<?, ?> map ? String.valueOf(map.get("Ref")) : "";
    }

    /** Every IAM statement under a resource's Policies (SAM inline statements and policy documents). */
    private static List<Map<?, ?>> statements(Object value) {
        List<Map<?, ?>> found = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                if ("Statement".equals(key) && child instanceof List<?> list) {
                    list.forEach(s -> {
                        if (s instanceof Map<?, ?> statement) {
                            found.add(statement);
                        }
                    });
                } else {
                    found.addAll(statements(child));
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(child -> found.addAll(statements(child)));
        }
        return found;
    }
}
