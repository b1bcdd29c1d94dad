package anguan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import anguan.local.demo.DemoData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner with the project's real functions (their zips from the build) and the demo data. */
class RunnerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalRunner runner;

    @BeforeAll
    static void start() {
        Path root = ProjectRoot.locate();
        // TemplateIT fails loudly on a missing zip; here it only means there is nothing to run.
        assumeTrue(anguan.local.template.Template.load(root.resolve("template.yaml")).functions().stream()
                .allMatch(f -> Files.isRegularFile(root.resolve(f.codeUri()))), "function zips not built");
        runner = LocalRunner.start(LocalRunner.Options.forTests().withDemo(true));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void everyFunctionIsUpAndTheDemoDataPassesTheRegistry() throws Exception {
        assertEquals(LocalRunner.DemoState.LOADED, runner.demoState(), String.join("\n", runner.demoFailures()));
        JsonNode health = JSON.readTree(send("GET", "/dev/health", null, null).body());
        assertEquals("UP", health.get("status").asText());
        for (var function : runner.template().functions()) {
            assertTrue(health.at("/functions/" + function.logicalId()).isNumber(), function.logicalId());
        }
        System.out.printf("runner started in %d ms; init %s%n", runner.startupDuration().toMillis(), runner.initDurations());
    }

    @Test
    void aRegistryFeedRoundTripsThroughTheGateway() throws Exception {
        String uscc = "91310000MA1FL9Y99" + checkCharacter("91310000MA1FL9Y99");
        String body = "{\"name\":\"上海测试建设工程有限公司\",\"signingPassword\":\"Pw-123456\"}";
        HttpResponse<String> put = send("PUT", "/registry/enterprises/" + uscc, body, runner.systemToken());
        assertEquals(200, put.statusCode(), put.body());
        JsonNode enterprise = JSON.readTree(put.body());
        assertEquals(uscc, enterprise.get("uscc").asText());
        assertEquals("上海测试建设工程有限公司", enterprise.get("name").asText());
        assertFalse(put.body().contains("Pw-123456"));

        HttpResponse<String> asPerson = send("PUT", "/registry/enterprises/" + uscc, body,
                runner.token(Map.of("role", "person", "idNo", "11010519491231002X")));
        assertEquals(403, asPerson.statusCode(), asPerson.body());
    }

    @Test
    void aDemoPersonSeesThemselvesWithTheirEmployment() throws Exception {
        DemoData.Person person = runner.demo().orElseThrow().persons().getFirst();
        HttpResponse<String> me = send("GET", "/me", null, runner.token(Map.of("role", "person", "idNo", person.idNo(), "sub", person.idNo())));
        assertEquals(200, me.statusCode(), me.body());
        JsonNode body = JSON.readTree(me.body());
        assertEquals(person.name(), body.get("name").asText());
        assertEquals(1, body.get("employments").size());
    }

    @Test
    void eachFunctionReadsItsOwnEnvironmentPointingAtTheEmulators() throws Exception {
        ClassLoader registry = runner.functions().function("RegistryFunction").classLoader();
        Method find = registry.loadClass("anguan.aws.config.Env").getMethod("find", String.class);
        assertEquals(Optional.of("AnguanTable"), find.invoke(null, "TABLE_NAME"));
        assertEquals(Optional.of("documentbucket"), find.invoke(null, "BUCKET_NAME"));
        assertEquals(Optional.of(runner.cloud().dynamoDbEndpoint().toString()), find.invoke(null, "AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals(Optional.of("RegistryFunction"), find.invoke(null, "AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals(Optional.of("true"), find.invoke(null, "ANGUAN_LOCAL"));
        ClassLoader submit = runner.functions().function("SubmitFunction").classLoader();
        Method submitFind = submit.loadClass("anguan.aws.config.Env").getMethod("find", String.class);
        assertEquals(Optional.of("SubmitFunction"), submitFind.invoke(null, "AWS_LAMBDA_FUNCTION_NAME"));
    }

    @Test
    void everyFunctionReadsTheRunnersSigningMaterialFromItsFilesAndNoAwsName() throws Exception {
        for (var function : runner.template().functions()) {
            ClassLoader loader = runner.functions().function(function.logicalId()).classLoader();
            Method find = loader.loadClass("anguan.aws.config.Env").getMethod("find", String.class);
            assertEquals(Optional.empty(), find.invoke(null, "SIGNING_MATERIAL_SECRET_ARN"), function.logicalId());
            assertEquals(Optional.empty(), find.invoke(null, "KEY_ENCRYPTION_KEY_SECRET_ARN"), function.logicalId());
            // What a signing function does at its first signature, in the function's own class loader.
            Object secrets = loader.loadClass("anguan.aws.config.SigningSecrets").getMethod("fromEnvironment").invoke(null);
            String material = (String) secrets.getClass().getMethod("material").invoke(secrets);
            String kek = (String) secrets.getClass().getMethod("keyEncryptionKey").invoke(secrets);
            assertEquals(runner.signingMaterial().ca(), anguan.pdf.ca.SigningMaterial.open(material, kek).ca(), function.logicalId());
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static char checkCharacter(String first17) {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(first17.charAt(i)) * weights[i];
        }
        return charset.charAt((31 - sum % 31) % 31);
    }
}
