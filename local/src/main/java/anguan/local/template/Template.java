package anguan.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SAM template, template.yaml: the single source of truth for the functions, their routes and
 * the resources they use. The local runner reads it the way SAM would (Globals applied, one route
 * per HttpApi event) so that a mistake in the template shows up locally, not first in AWS.
 */
public final class Template {
    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String BUCKET = "AWS::S3::Bucket";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String TOPIC = "AWS::SNS::Topic";
    public static final String SUBSCRIPTION = "AWS::SNS::Subscription";

    private final Map<String, Parameter> parameters;
    private final Map<String, Resource> resources;
    private final Map<String, Object> functionGlobals;

    private Template(Map<String, Parameter> parameters, Map<String, Resource> resources,
                     Map<String, Object> functionGlobals) {
        this.parameters = parameters;
        this.resources = resources;
        this.functionGlobals = functionGlobals;
    }

    public static Template load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static Template parse(String yaml) {
        Map<String, Object> document = CloudFormationYaml.parse(yaml);
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        map(document.get("Parameters")).forEach((name, definition) -> {
            Map<String, Object> fields = map(definition);
            parameters.put(name, new Parameter(name, String.valueOf(fields.getOrDefault("Type", "String")),
                    Optional.ofNullable(fields.get("Default")).map(String::valueOf)));
        });
        Map<String, Resource> resources = new LinkedHashMap<>();
        map(document.get("Resources")).forEach((logicalId, definition) -> {
            Map<String, Object> fields = map(definition);
            Object type = fields.get("Type");
            if (type == null) {
                throw new IllegalArgumentException("resource " + logicalId + " has no Type");
            }
            resources.put(logicalId, new Resource(logicalId, type.toString(), map(fields.get("Properties"))));
        });
        Map<String, Object> functionGlobals = map(map(document.get("Globals")).get("Function"));
        return new Template(parameters, resources, functionGlobals);
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** {@code Globals.Function}, as written. */
    public Map<String, Object> functionGlobals() {
        return functionGlobals;
    }

    /** Every function with Globals applied: the function's own value wins, environment variables merge. */
    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> functions = new ArrayList<>();
        for (Resource resource : resourcesOfType(FUNCTION)) {
            Map<String, Object> own = resource.properties();
            Map<String, Object> environment = new LinkedHashMap<>(variables(functionGlobals));
            environment.putAll(variables(own));
            List<EventSource> events = new ArrayList<>();
            map(own.get("Events")).forEach((name, event) -> {
                Map<String, Object> fields = map(event);
                events.add(new EventSource(name, String.valueOf(fields.get("Type")), map(fields.get("Properties"))));
            });
            functions.add(new FunctionDefinition(
                    resource.logicalId(),
                    string(setting(own, "CodeUri"), resource.logicalId() + " CodeUri"),
                    string(setting(own, "Handler"), resource.logicalId() + " Handler"),
                    string(setting(own, "Runtime"), resource.logicalId() + " Runtime"),
                    integer(setting(own, "Timeout"), 3),
                    integer(setting(own, "MemorySize"), 128),
                    environment,
                    List.copyOf(events)));
        }
        return functions;
    }

    /** Every route of every {@code HttpApi} event, with the authorizer that guards it. */
    public List<HttpRoute> httpRoutes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            for (EventSource event : function.events()) {
                if (!event.type().equals("HttpApi")) {
                    continue;
                }
                Map<String, Object> properties = event.properties();
                String method = String.valueOf(properties.getOrDefault("Method", "ANY")).toUpperCase(java.util.Locale.ROOT);
                String path = String.valueOf(properties.getOrDefault("Path", "$default"));
                Optional<String> api = apiOf(properties.get("ApiId"));
                Object routeAuthorizer = map(properties.get("Auth")).get("Authorizer");
                Optional<String> authorizer = routeAuthorizer != null
                        ? Optional.of(routeAuthorizer.toString()).filter(a -> !a.equals("NONE"))
                        : api.flatMap(this::defaultAuthorizer);
                routes.add(new HttpRoute(method, path, function.logicalId(), event.name(), authorizer));
            }
        }
        return routes;
    }

    /**
     * Every {@code SQS} event of every function. The queue must be {@code !GetAtt Q.Arn} of a queue
     * of this template (the only form the local cloud can wire).
     */
    public List<QueueEventSource> queueEventSources() {
        List<QueueEventSource> sources = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            for (EventSource event : function.events()) {
                if (!event.type().equals("SQS")) {
                    continue;
                }
                Map<String, Object> properties = event.properties();
                String what = function.logicalId() + " event " + event.name();
                String queue = queueOf(properties.get("Queue"), what);
                int batchSize = integer(properties.get("BatchSize"), QueueEventSource.MAX_RECEIVE);
                Object types = properties.get("FunctionResponseTypes");
                boolean reportFailures = types instanceof List<?> list && list.contains("ReportBatchItemFailures");
                sources.add(new QueueEventSource(function.logicalId(), event.name(), queue, batchSize, reportFailures));
            }
        }
        return sources;
    }

    /** Every {@code Schedule} and {@code ScheduleV2} event of every function. */
    public List<ScheduleEventSource> scheduleEventSources() {
        List<ScheduleEventSource> sources = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            for (EventSource event : function.events()) {
                if (event.type().equals("Schedule") || event.type().equals("ScheduleV2")) {
                    Map<String, Object> properties = event.properties();
                    sources.add(new ScheduleEventSource(function.logicalId(), event.name(), event.type(),
                            String.valueOf(properties.get(event.type().equals("Schedule") ? "Schedule" : "ScheduleExpression")),
                            Optional.ofNullable(properties.get("Input")).map(String::valueOf)));
                }
            }
        }
        return sources;
    }

    private String queueOf(Object queue, String what) {
        if (queue instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof List<?> target && target.size() == 2
                && "Arn".equals(String.valueOf(target.get(1)))) {
            String logicalId = String.valueOf(target.get(0));
            if (resource(logicalId).filter(r -> r.type().equals(QUEUE)).isPresent()) {
                return logicalId;
            }
        }
        throw new IllegalArgumentException(what + ": Queue must be !GetAtt <a queue of this template>.Arn, got " + queue);
    }

    /** The JWT authorizers declared on the template's HttpApis, by name. */
    public Map<String, JwtAuthorizerDefinition> jwtAuthorizers() {
        Map<String, JwtAuthorizerDefinition> authorizers = new LinkedHashMap<>();
        for (Resource api : resourcesOfType(HTTP_API)) {
            map(api.path("Auth", "Authorizers")).forEach((name, definition) -> {
                Map<String, Object> jwt = map(map(definition).get("JwtConfiguration"));
                if (!jwt.isEmpty()) {
                    authorizers.put(name, new JwtAuthorizerDefinition(name, jwt.get("issuer"), jwt.get("audience")));
                }
            });
        }
        return authorizers;
    }

    private Optional<String> apiOf(Object apiId) {
        if (apiId instanceof Map<?, ?> ref && ref.get("Ref") != null) {
            return Optional.of(ref.get("Ref").toString());
        }
        // Without ApiId, SAM puts the route on its implicit API, which has no authorizer here.
        return Optional.empty();
    }

    private Optional<String> defaultAuthorizer(String apiLogicalId) {
        return resource(apiLogicalId)
                .map(api -> api.path("Auth", "DefaultAuthorizer"))
                .map(Object::toString);
    }

    private Object setting(Map<String, Object> own, String name) {
        return own.containsKey(name) ? own.get(name) : functionGlobals.get(name);
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        return map(map(properties.get("Environment")).get("Variables"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected a mapping, got " + value);
    }

    private static String string(Object value, String what) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(what + " must be a plain string in the template, got " + value);
        }
        return text;
    }

    private static int integer(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.toString());
    }
}
