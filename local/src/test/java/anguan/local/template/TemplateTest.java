package anguan.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final String TEMPLATE = """
            Parameters:
              Issuer: { Type: String }
              Audiences: { Type: CommaDelimitedList }
              Region2: { Type: String, Default: cn-north-1 }
            Globals:
              Function:
                Runtime: java25
                Timeout: 29
                Environment:
                  Variables:
                    TABLE_NAME: !Ref Table
                    SHARED: global
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt:
                        JwtConfiguration: { issuer: !Ref Issuer, audience: !Ref Audiences }
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/fn/target/fn.zip
                  Handler: a.b.Handler::handleRequest
                  MemorySize: 512
                  Environment:
                    Variables:
                      SHARED: own
                      QUEUE: !GetAtt Queue.Arn
                      PATH_ARN: !Sub "${Table.Arn}/index/*"
                      LISTED: !Sub
                        - "${Name}-${AWS::Region}"
                        - { Name: !Ref Table }
                  Events:
                    Get: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: get, Path: "/things/{id}" } }
                    Open: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /public/x, Auth: { Authorizer: NONE } } }
                    Tick: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
              Table: { Type: AWS::DynamoDB::Table, Properties: { KeySchema: [] } }
              Queue: { Type: AWS::SQS::Queue }
            """;

    private final Template template = Template.parse(TEMPLATE);

    private final Intrinsics intrinsics = new Intrinsics(new Intrinsics.Names() {
        @Override
        public Object ref(String logicalId) {
            return switch (logicalId) {
                case "AWS::Region" -> "us-east-1";
                case "Audiences" -> List.of("a", "b");
                default -> "ref:" + logicalId;
            };
        }

        @Override
        public String attribute(String logicalId, String attribute) {
            return "att:" + logicalId + "." + attribute;
        }
    });

    @Test
    void shortTagsBecomeTheirLongForms() {
        Resource api = template.resource("Api").orElseThrow();
        assertEquals(Map.of("Ref", "Issuer"), api.path("Auth", "Authorizers", "Jwt", "JwtConfiguration", "issuer"));
        Map<String, Object> env = template.functions().getFirst().environment();
        assertEquals(Map.of("Fn::GetAtt", List.of("Queue", "Arn")), env.get("QUEUE"));
        assertEquals(Map.of("Fn::Sub", "${Table.Arn}/index/*"), env.get("PATH_ARN"));
    }

    @Test
    void functionsTakeGlobalsAndMergeEnvironmentVariables() {
        FunctionDefinition fn = template.functions().getFirst();
        assertEquals("java25", fn.runtime());
        assertEquals(29, fn.timeoutSeconds());
        assertEquals(512, fn.memorySizeMb());
        assertEquals("a.b.Handler", fn.handlerClass());
        assertEquals("own", fn.environment().get("SHARED"));
        assertEquals(Map.of("Ref", "Table"), fn.environment().get("TABLE_NAME"));
        assertEquals(3, fn.events().size());
    }

    @Test
    void intrinsicsResolveRefGetAttAndBothFormsOfSub() {
        Map<String, Object> env = template.functions().getFirst().environment();
        assertEquals("ref:Table", intrinsics.resolveString(env.get("TABLE_NAME")));
        assertEquals("att:Queue.Arn", intrinsics.resolveString(env.get("QUEUE")));
        assertEquals("att:Table.Arn/index/*", intrinsics.resolveString(env.get("PATH_ARN")));
        assertEquals("ref:Table-us-east-1", intrinsics.resolveString(env.get("LISTED")));
        assertEquals("a,b", intrinsics.resolveString(Map.of("Ref", "Audiences")));
        assertEquals("${Literal}", intrinsics.resolveString(Map.of("Fn::Sub", "${!Literal}")));
        assertEquals("x-y", intrinsics.resolveString(Map.of("Fn::Join", List.of("-", List.of("x", "y")))));
    }

    @Test
    void unsupportedIntrinsicsFailLoudly() {
        assertThrows(IllegalArgumentException.class, () -> intrinsics.resolve(Map.of("Fn::ImportValue", "x")));
    }

    @Test
    void routesCarryTheDefaultAuthorizerUnlessTheyOptOut() {
        List<HttpRoute> routes = template.httpRoutes();
        assertEquals(2, routes.size());
        assertEquals(new HttpRoute("GET", "/things/{id}", "Fn", "Get", Optional.of("Jwt")), routes.get(0));
        assertEquals("GET /things/{id}", routes.get(0).routeKey());
        assertEquals(Optional.empty(), routes.get(1).authorizer());
        JwtAuthorizerDefinition jwt = template.jwtAuthorizers().get("Jwt");
        assertEquals("ref:Issuer", intrinsics.resolveString(jwt.issuer()));
        assertEquals(List.of("a", "b"), intrinsics.resolve(jwt.audience()));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThrows(RuntimeException.class, () -> Template.parse("Resources:\n  A: {Type: x}\n  A: {Type: y}\n"));
    }

    @Test
    void theProjectTemplateParses() {
        Template project = Template.load(anguan.local.ProjectRoot.locate().resolve("template.yaml"));
        assertTrue(project.functions().size() >= 2);
        assertTrue(project.httpRoutes().stream().anyMatch(r -> r.routeKey().equals("GET /me")));
    }
    @Test
    void anSqsEventNamesItsQueueBatchSizeAndWhetherItReportsItemFailures() {
        Template template = consumer("""
                {
                  Work: { Type: SQS, Properties: { Queue: !GetAtt WorkQueue.Arn, BatchSize: 3, FunctionResponseTypes: [ReportBatchItemFailures] } },
                  Other: { Type: SQS, Properties: { Queue: !GetAtt OtherQueue.Arn } }
                }""");
        assertEquals(List.of(new QueueEventSource("Consumer", "Work", "WorkQueue", 3, true),
                new QueueEventSource("Consumer", "Other", "OtherQueue", QueueEventSource.MAX_RECEIVE, false)),
                template.queueEventSources());
    }

    @Test
    void anSqsEventOnSomethingOtherThanAQueueOfTheTemplateIsRefused() {
        for (String queue : List.of("arn:aws:sqs:us-east-1:1:elsewhere", "!GetAtt Table.Arn", "!GetAtt Missing.Arn", "!Ref WorkQueue")) {
            Template template = consumer("{ Work: { Type: SQS, Properties: { Queue: " + queue + " } } }");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, template::queueEventSources, queue);
            assertTrue(refused.getMessage().contains("Consumer event Work"), refused.getMessage());
        }
    }

    @Test
    void scheduleEventsNameTheirExpressionAndInput() {
        Template template = consumer("""
                {
                  Nightly: { Type: ScheduleV2, Properties: { ScheduleExpression: "cron(0 2 * * ? *)" } },
                  Hourly: { Type: Schedule, Properties: { Schedule: rate(1 hour), Input: '{"job":"x"}' } },
                  Work: { Type: SQS, Properties: { Queue: !GetAtt WorkQueue.Arn } }
                }""");
        assertEquals(List.of(new ScheduleEventSource("Consumer", "Nightly", "ScheduleV2", "cron(0 2 * * ? *)", Optional.empty()),
                new ScheduleEventSource("Consumer", "Hourly", "Schedule", "rate(1 hour)", Optional.of("{\"job\":\"x\"}"))),
                template.scheduleEventSources());
    }

    /** A template with one function, Consumer, with these Events (YAML flow mapping), two queues and a table. */
    private static Template consumer(String events) {
        return Template.parse("""
                Globals: { Function: { Runtime: java25, CodeUri: f.zip } }
                Resources:
                  Consumer:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Events: %s
                  WorkQueue: { Type: AWS::SQS::Queue }
                  OtherQueue: { Type: AWS::SQS::Queue }
                  Table: { Type: AWS::DynamoDB::Table }
                """.formatted(events.replace("\n", " ")));
    }
}
