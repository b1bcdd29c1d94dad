package anguan.local.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.LocalRunner;
import anguan.local.fixture.TimerProject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /dev/schedules/{function} against scheduled functions packaged by the test (TimerProject). */
class SchedulesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path project;
    private static LocalRunner runner;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(LocalRunner.Options.forTests().withTemplate(TimerProject.create(project)));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void firingByFolderNameRunsEachScheduledEventWithTheEventEventBridgeSends() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> response = post("/dev/schedules/nightly-job");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("NightlyFunction", body.get("function").asText());
        JsonNode nightly = body.at("/fired/0");
        assertEquals("Nightly", nightly.get("event").asText());
        assertEquals("aws.scheduler", nightly.at("/result/source").asText());
        assertEquals("Scheduled Event", nightly.at("/result/detailType").asText());
        assertEquals("000000000000", nightly.at("/result/account").asText());
        assertEquals("us-east-1", nightly.at("/result/region").asText());
        assertEquals("NightlyFunction", nightly.at("/result/function").asText());
        assertTrue(nightly.at("/result/resources/0").asText().startsWith("arn:aws:scheduler:us-east-1:000000000000:schedule/"), response.body());
        assertTrue(Instant.ofEpochMilli(nightly.at("/result/timeMillis").asLong()).isAfter(before.minusSeconds(1)), response.body());
        JsonNode hourly = body.at("/fired/1");
        assertEquals("Hourly", hourly.get("event").asText());
        assertEquals("aws.events", hourly.at("/result/source").asText());
        assertTrue(hourly.at("/result/resources/0").asText().startsWith("arn:aws:events:us-east-1:000000000000:rule/"), response.body());
    }

    @Test
    void anEventsInputIsWhatTheFunctionGets() throws Exception {
        HttpResponse<String> response = post("/dev/schedules/InputFunction");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("rename", JSON.readTree(response.body()).at("/fired/0/result/received/job").asText(), response.body());
    }

    @Test
    void aFailingScheduledFunctionIsA502ProblemNamingIt() throws Exception {
        HttpResponse<String> response = post("/dev/schedules/FailingFunction");
        assertEquals(502, response.statusCode(), response.body());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("FUNCTION_FAILED", problem.get("code").asText());
        assertTrue(problem.get("detail").asText().contains("FailingFunction"), response.body());
    }

    @Test
    void anUnknownOrUnscheduledFunctionIsA404Problem() throws Exception {
        for (String name : new String[] {"no-such-job", "UnscheduledFunction"}) {
            HttpResponse<String> response = post("/dev/schedules/" + name);
            assertEquals(404, response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElseThrow());
            assertEquals("NOT_FOUND", JSON.readTree(response.body()).get("code").asText());
        }
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(runner.baseUrl().resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
