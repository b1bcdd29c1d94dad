package anguan.local.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.aws.dynamo.DynamoApplicationRepository;
import anguan.aws.dynamo.DynamoClaimRepository;
import anguan.aws.dynamo.DynamoCertificateRepository;
import anguan.aws.dynamo.DynamoEnterpriseRepository;
import anguan.aws.dynamo.DynamoPersonRepository;
import anguan.aws.dynamo.DynamoDeliveredNotices;
import anguan.aws.dynamo.DynamoSequence;
import anguan.aws.dynamo.DynamoSigningCredentialRepository;
import anguan.aws.dynamo.DynamoSigningLockRepository;
import anguan.aws.dynamo.DynamoSigningSessionRepository;
import anguan.aws.dynamo.DynamoSmsChallengeRepository;
import anguan.aws.dynamo.DynamoSmsQuota;
import anguan.aws.dynamo.Table;
import anguan.aws.json.Json;
import anguan.aws.s3.S3DocumentStore;
import anguan.aws.sns.SnsSmsGateway;
import anguan.aws.sqs.NoticeMessages;
import anguan.aws.sqs.SqsNoticeQueue;
import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.claim.Claim;
import anguan.domain.application.claim.ClaimTarget;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.notification.Notice;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.signing.SigningLock;
import anguan.domain.signing.SigningSession;
import anguan.domain.signing.SmsChallenge;
import anguan.domain.signing.StoredCredential;
import anguan.local.ProjectRoot;
import anguan.local.cloud.PhysicalNames;
import anguan.local.cloud.ResourceCreator;
import anguan.local.template.Template;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB, S3, SQS and SNS adapters against an AWS-compatible back end, on the table and bucket that
 * template.yaml defines, made there by {@link ResourceCreator} as the local cloud makes them. One
 * subclass per back end, the emulators ({@link EmulatorAdaptersIT}) and LocalStack
 * ({@link LocalStackAdaptersIT}), so that every test here runs on both and the two cannot drift.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdaptersIT {
    private AwsBackend backend;
    /** The back end's DynamoDB, for a test that reads or writes items beside the adapters. */
    DynamoDbClient dynamoDb;
    Table table;
    String tableName;
    S3DocumentStore documents;
    String notificationQueueUrl;

    /** Starts (or connects to) the back end for this class; {@link AwsBackend#close()} runs after its tests. */
    abstract AwsBackend startBackend();

    @BeforeAll
    void templateResources() {
        backend = startBackend();
        dynamoDb = backend.dynamoDb();
        PhysicalNames names = new ResourceCreator(backend.dynamoDb(), backend.s3(), backend.sqs())
                .create(Template.load(ProjectRoot.locate().resolve("template.yaml")));
        tableName = String.valueOf(names.ref("AnguanTable"));
        table = new Table(dynamoDb, tableName);
        documents = new S3DocumentStore(backend.s3(), backend.s3Presigner(), String.valueOf(names.ref("DocumentBucket")), Clock.systemUTC());
        notificationQueueUrl = String.valueOf(names.ref("NotificationQueue"));
    }

    @AfterAll
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void aPersonWithEmploymentsAndExamsLivesInOnePartition() {
        var persons = new DynamoPersonRepository(table);
        Person person = new Person("11010519491231002X", "王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD,
                "13912345678", "registry/photos/abc.png", null, Instant.parse("2026-11-27T02:00:00Z"));
        assertTrue(persons.insert(person));
        assertTrue(persons.insertEmployment(new Employment(person.idNo(), "91310000MA1FL4CT2Q", LocalDate.of(2022, 3, 1), null)));
        assertTrue(persons.insertEmployment(new Employment(person.idNo(), "91350100M000100Y43", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31))));
        persons.saveExam(new ExamResult(person.idNo(), ExamType.INITIAL, Category.C3, LocalDate.of(2026, 10, 20), true));
        persons.saveExam(new ExamResult(person.idNo(), ExamType.INITIAL, Category.C3, LocalDate.of(2026, 10, 20), true));

        assertEquals(person, persons.find(person.idNo()).orElseThrow());
        assertEquals(2, persons.employments(person.idNo()).size());
        assertEquals(1, persons.exams(person.idNo()).size(), "the same sitting is stored once");
        assertTrue(persons.deleteEmployment(person.idNo(), "91350100M000100Y43"));
        assertFalse(persons.deleteEmployment(person.idNo(), "91350100M000100Y43"));
        assertEquals(List.of("91310000MA1FL4CT2Q"), persons.employments(person.idNo()).stream().map(Employment::uscc).toList());
    }

    @Test
    void certificatesAreFoundByNumberHolderAndEnterpriseAndFollowAMove() {
        var certificates = new DynamoCertificateRepository(table);
        new DynamoEnterpriseRepository(table).insert(new Enterprise("91310000MA1FL4CT2Q", "上海浦江建设工程有限公司", null, null, Instant.now()));
        Certificate c = new Certificate("沪建安C3（2024）0000042", "310104198001010011", "陈子莲", Category.C3, Position.P08,
                "91310000MA1FL4CT2Q", "上海浦江建设工程有限公司", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1),
                LocalDate.of(2027, 4, 30), CertificateStatus.VALID, null, 1, null, null);
        assertTrue(certificates.insert(c));

        assertEquals(c, certificates.find(c.certificateNo()).orElseThrow());
        assertEquals(List.of(c), certificates.ofHolder("310104198001010011"));
        assertEquals(List.of(c), certificates.atEnterprise("91310000MA1FL4CT2Q"));

        Certificate moved = new Certificate(c.certificateNo(), c.idNo(), c.name(), c.category(), c.position(),
                "91350100M000100Y43", "上海新东家建设有限公司", c.firstIssueDate(), c.validFrom(), c.validTo(), c.status(),
                null, 2, null, null);
        assertTrue(certificates.update(moved, 1));
        assertTrue(certificates.atEnterprise("91310000MA1FL4CT2Q").isEmpty());
        assertEquals(List.of(moved), certificates.atEnterprise("91350100M000100Y43"));

        ExternalCertificate external = new ExternalCertificate("鲁建安C1（2023）0012345", "310104198001010011", "陈子莲",
                Category.C1, "山东鲁建工程集团有限公司", LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), true);
        assertTrue(certificates.insertExternal(external));
        assertEquals(external, certificates.findExternal(external.certificateNo()).orElseThrow());
    }

    @Test
    void aPersonIsInsertedOnceAndThenWrittenOnlyOverTheVersionItWasReadAt() {
        var persons = new DynamoPersonRepository(table);
        Person first = person("310104198001010011", "陈子莲");
        Person renamed = person("310104198001010011", "陈紫莲");

        assertTrue(persons.insert(first));
        assertFalse(persons.insert(renamed), "an insert over a stored entry is refused");
        assertEquals(new Versioned<>(first, 1), persons.findVersioned(first.idNo()).orElseThrow());

        assertTrue(persons.update(renamed, 1));
        assertFalse(persons.update(person("310104198001010011", "陈三莲"), 1), "a write over a stale version is refused");
        assertEquals(new Versioned<>(renamed, 2), persons.findVersioned(first.idNo()).orElseThrow());
        assertFalse(persons.update(person("310104198001010038", "无此人"), 1), "an update needs the item there");
        assertTrue(persons.findVersioned("310104198001010038").isEmpty());
    }

    @Test
    void employmentsEnterprisesAndNationalRecordsRefuseStaleWritesToo() {
        var persons = new DynamoPersonRepository(table);
        Employment since2020 = new Employment("310104198001010054", "91310000MA1FL4CT2Q", LocalDate.of(2020, 1, 1), null);
        Employment ended = new Employment(since2020.idNo(), since2020.uscc(), since2020.since(), LocalDate.of(2025, 6, 30));
        assertTrue(persons.insertEmployment(since2020));
        assertFalse(persons.insertEmployment(ended));
        assertTrue(persons.updateEmployment(ended, 1));
        assertFalse(persons.updateEmployment(since2020, 1));
        assertEquals(new Versioned<>(ended, 2), persons.findEmployment(since2020.idNo(), since2020.uscc()).orElseThrow());

        var enterprises = new DynamoEnterpriseRepository(table);
        Enterprise named = new Enterprise("91310115MA1H2B0001", "上海申城建设工程有限公司", null, null, Instant.parse("2026-11-27T02:00:00Z"));
        Enterprise renamed = new Enterprise(named.uscc(), "上海申城建设（集团）有限公司", null, null, named.updatedAt());
        assertTrue(enterprises.insert(named));
        assertFalse(enterprises.insert(renamed));
        assertTrue(enterprises.update(renamed, 1));
        assertFalse(enterprises.update(named, 1));
        assertEquals(new Versioned<>(renamed, 2), enterprises.findVersioned(named.uscc()).orElseThrow());

        var certificates = new DynamoCertificateRepository(table);
        ExternalCertificate national = new ExternalCertificate("苏建安C2（2024）0000077", "310104198001010054", "陈子莲",
                Category.C2, "江苏某建设集团有限公司", LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28), false);
        ExternalCertificate transferred = new ExternalCertificate(national.certificateNo(), national.idNo(), national.name(),
                national.category(), national.enterpriseName(), national.validFrom(), national.validTo(), true);
        assertTrue(certificates.insertExternal(national));
        assertFalse(certificates.insertExternal(transferred));
        assertTrue(certificates.updateExternal(transferred, 1));
        assertFalse(certificates.updateExternal(national, 1));
        assertEquals(new Versioned<>(transferred, 2), certificates.findExternalVersioned(national.certificateNo()).orElseThrow());
    }

    @Test
    void aCertificateNumberIsTakenOnceAndAStaleWriteOfItIsRefused() {
        var certificates = new DynamoCertificateRepository(table);
        Certificate migrated = new Certificate("沪建安B（2023）0000099", "310104198001010011", "陈子莲", Category.B, Position.P07,
                "91310000MA1FL4CT2Q", "上海浦江建设工程有限公司", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 1),
                LocalDate.of(2026, 4, 30), CertificateStatus.VALID, null, 0, null, null);
        Certificate issued = new Certificate(migrated.certificateNo(), "110105194912310021", "王晓丽", Category.B, Position.P07,
                "91350100M000100Y43", "上海新东家建设有限公司", LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27),
                LocalDate.of(2029, 11, 26), CertificateStatus.VALID, null, 1, null, null);
        Certificate suspended = new Certificate(migrated.certificateNo(), migrated.idNo(), migrated.name(), migrated.category(),
                migrated.position(), migrated.uscc(), migrated.enterpriseName(), migrated.firstIssueDate(), migrated.validFrom(),
                migrated.validTo(), CertificateStatus.SUSPENDED, null, 0, null, null);

        assertTrue(certificates.insert(migrated));
        assertFalse(certificates.insert(issued), "a later issue cannot overwrite a migrated number");
        assertTrue(certificates.update(suspended, 1));
        assertFalse(certificates.update(migrated, 1));
        assertEquals(new Versioned<>(suspended, 2), certificates.findVersioned(migrated.certificateNo()).orElseThrow());
        assertEquals(List.of(suspended), certificates.ofHolder("310104198001010011").stream()
                .filter(c -> c.certificateNo().equals(migrated.certificateNo())).toList());
    }

    @Test
    void anEntryStoredBeforeItemsCarriedVersionsIsReadAtZeroAndUpdatedOnce() throws Exception {
        var persons = new DynamoPersonRepository(table);
        Person old = person("310104198001010070", "老记录");
        String doc = Json.MAPPER.writeValueAsString(old);
        dynamoDb.putItem(r -> r.tableName(tableName).item(Map.of("pk", AttributeValue.fromS("PERSON#" + old.idNo()),
                "sk", AttributeValue.fromS("PROFILE"), "doc", AttributeValue.fromS(doc))));

        assertEquals(new Versioned<>(old, 0), persons.findVersioned(old.idNo()).orElseThrow());
        Person renamed = person(old.idNo(), "新记录");
        assertTrue(persons.update(renamed, 0));
        assertFalse(persons.update(person(old.idNo(), "又一个"), 0), "once versioned, version 0 is stale");
        assertEquals(new Versioned<>(renamed, 1), persons.findVersioned(old.idNo()).orElseThrow());
    }

    private static Person person(String idNo, String name) {
        return new Person(idNo, name, Gender.M, LocalDate.of(1980, 1, 1), IdType.ID_CARD, "13912345678", null, null,
                Instant.parse("2026-11-27T02:00:00Z"));
    }

    @Test
    void anApplicationIsWrittenOnlyOverTheVersionItWasReadAt() {
        var applications = new DynamoApplicationRepository(table);
        Instant created = Instant.parse("2026-11-27T02:00:00Z");
        Application draft = Application.builder().applicationNo("W2026112799001").type(ApplicationType.FIRST_ISSUE)
                .status(ApplicationStatus.DRAFT)
                .applicant(new Applicant("王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "11010519491231002X", "13912345678"))
                .enterprise(new ApplicationEnterprise("91310000MA1FL4CT2Q", "上海浦江建设工程有限公司", null))
                .category(Category.C3).position(Position.P08).createdAt(created).updatedAt(created).version(1).build();
        applications.insert(draft);
        assertThrows(IllegalStateException.class, () -> applications.insert(draft), "a number is never taken twice");

        Application saved = draft.toBuilder().consent(true).version(2).build();
        applications.update(saved, 1);
        DomainProblem stale = assertThrows(DomainProblem.class,
                () -> applications.update(draft.toBuilder().consent(false).version(2).build(), 1));
        assertEquals("CONCURRENT_UPDATE", stale.code());
        assertEquals(saved, applications.find(draft.applicationNo()).orElseThrow());
        assertEquals(List.of(saved), applications.ofApplicant("11010519491231002X").stream()
                .filter(a -> a.applicationNo().equals(draft.applicationNo())).toList());

        applications.append(new ApplicationEvent(draft.applicationNo(), created, "person", "11010519491231002X", ApplicationEvent.Action.CREATED));
        applications.append(new ApplicationEvent(draft.applicationNo(), created, "person", "11010519491231002X", ApplicationEvent.Action.SAVED));
        applications.append(new ApplicationEvent(draft.applicationNo(), created.plusSeconds(1), "person", "11010519491231002X", ApplicationEvent.Action.SUBMITTED));
        assertEquals(List.of(ApplicationEvent.Action.CREATED, ApplicationEvent.Action.SAVED, ApplicationEvent.Action.SUBMITTED),
                applications.events(draft.applicationNo()).stream().map(ApplicationEvent::action).toList());
    }

    @Test
    void auditEventsComeBackOldestFirstWhateverTheirFractionOfASecond() {
        var applications = new DynamoApplicationRepository(table);
        String no = "W2026112799002";
        List<Instant> chronological = List.of(Instant.parse("2026-11-27T02:00:00Z"),
                Instant.parse("2026-11-27T02:00:00.123456789Z"), Instant.parse("2026-11-27T02:00:00.5Z"),
                Instant.parse("2026-11-27T02:00:00.500000001Z"), Instant.parse("2026-11-27T02:00:01Z"));
        List<Instant> appended = List.of(chronological.get(2), chronological.get(4), chronological.get(0),
                chronological.get(3), chronological.get(1));
        appended.forEach(at -> applications.append(
                new ApplicationEvent(no, at, "person", "11010519491231002X", ApplicationEvent.Action.SAVED)));

        assertEquals(chronological, applications.events(no).stream().map(ApplicationEvent::at).toList());
    }

    @Test
    void twoEventsOfTheSameInstantAreBothKeptInTheOrderTheyCame() {
        var applications = new DynamoApplicationRepository(table);
        String no = "W2026112799003";
        Instant at = Instant.parse("2026-11-27T02:00:00Z");
        applications.append(new ApplicationEvent(no, at, "person", "11010519491231002X", ApplicationEvent.Action.SAVED));
        applications.append(new ApplicationEvent(no, at, "person", "11010519491231002X", ApplicationEvent.Action.SUBMITTED));

        assertEquals(List.of(ApplicationEvent.Action.SAVED, ApplicationEvent.Action.SUBMITTED),
                applications.events(no).stream().map(ApplicationEvent::action).toList());
    }

    @Test
    void aChangeWhoseTrailLineWasNeverWrittenStillShowsItsEventAndTheNextChangeWritesItOut() {
        var applications = new DynamoApplicationRepository(table);
        Instant created = Instant.parse("2026-11-27T02:00:00Z");
        Application draft = inserted(applications, "W2026112799004", created);
        Application saved = draft.toBuilder().consent(true).version(2).build();
        applications.update(saved, 1, event(saved, created.plusSeconds(1), ApplicationEvent.Action.SAVED));
        deleteTrailLine(draft.applicationNo(), "SAVED"); // as if the function had died right after the change

        assertEquals(List.of(ApplicationEvent.Action.CREATED, ApplicationEvent.Action.SAVED), actions(applications, draft));

        Application submitted = saved.toBuilder().submittedAt(created.plusSeconds(2)).version(3).build();
        applications.update(submitted, 2, event(submitted, created.plusSeconds(2), ApplicationEvent.Action.SUBMITTED));
        assertEquals(3, trailLines(draft.applicationNo()).size(), "the next change wrote the missing line out");
        assertEquals(List.of(ApplicationEvent.Action.CREATED, ApplicationEvent.Action.SAVED, ApplicationEvent.Action.SUBMITTED),
                actions(applications, draft));
    }

    @Test
    void aChangeRefusedForItsVersionLeavesNoEvent() {
        var applications = new DynamoApplicationRepository(table);
        Instant created = Instant.parse("2026-11-27T02:00:00Z");
        Application draft = inserted(applications, "W2026112799005", created);
        applications.update(draft.toBuilder().version(2).build(), 1, event(draft, created.plusSeconds(1), ApplicationEvent.Action.SAVED));

        assertThrows(DomainProblem.class, () -> applications.update(draft.toBuilder().version(2).build(), 1,
                event(draft, created.plusSeconds(2), ApplicationEvent.Action.SUBMITTED)));

        assertEquals(List.of(ApplicationEvent.Action.CREATED, ApplicationEvent.Action.SAVED), actions(applications, draft));
    }

    /**
     * gsi3 is keyed by the instant an application entered its status, so a window reads its own
     * days only: a decision 40 days old is outside a 31-day window, and the key moves with the status.
     * In 2030, so that no other test's application falls in the windows.
     */
    @Test
    void aReviewersWindowReadsOnlyItsDaysAndTheKeyMovesWithTheStatus() {
        var applications = new DynamoApplicationRepository(table);
        Instant now = Instant.parse("2030-06-30T02:00:00Z");
        Application accepted = inserted(applications, "W2030063099001", now.minus(Duration.ofDays(50))).toBuilder()
                .status(ApplicationStatus.UNDER_REVIEW).enterpriseSignedAt(now.minus(Duration.ofDays(45))).version(2).build();
        applications.update(accepted, 1);

        assertEquals(List.of(), numbers(applications.ofStatus(ApplicationStatus.UNDER_REVIEW,
                now.minus(Duration.ofDays(51)), now.minus(Duration.ofDays(49)))), "the queue is keyed by 受理, not by creation");
        assertEquals(List.of("W2030063099001"), numbers(applications.ofStatus(ApplicationStatus.UNDER_REVIEW,
                now.minus(Duration.ofDays(46)), now.minus(Duration.ofDays(44)))));

        Instant decided = now.minus(Duration.ofDays(40));
        applications.update(accepted.toBuilder().status(ApplicationStatus.APPROVED).decidedAt(decided).version(3).build(), 2);
        Application yesterday = decidedApplication(applications, "W2030063099002", now.minus(Duration.ofDays(1)));
        Application dayBefore = decidedApplication(applications, "W2030063099003", now.minus(Duration.ofDays(2)));

        assertFalse(numbers(applications.ofStatus(ApplicationStatus.UNDER_REVIEW, null, null)).contains("W2030063099001"),
                "a decided application leaves the queue's key range");
        assertEquals(List.of("W2030063099002", "W2030063099003"),
                numbers(applications.ofStatus(ApplicationStatus.APPROVED, now.minus(Duration.ofDays(31)), now)),
                "the decision of 40 days ago is not read by a 31-day window; the latest decision first");
        assertEquals(List.of("W2030063099002", "W2030063099003", "W2030063099001"),
                numbers(applications.ofStatus(ApplicationStatus.APPROVED, now.minus(Duration.ofDays(41)), null)));
        assertEquals(List.of("W2030063099001"), numbers(applications.ofStatus(ApplicationStatus.APPROVED, decided, decided)),
                "both ends of the window are included");
        assertEquals(List.of("W2030063099001"), numbers(applications.ofStatus(ApplicationStatus.APPROVED, null, decided)).stream()
                .filter(n -> n.startsWith("W2030")).toList());
        assertEquals(List.of(yesterday.applicationNo(), dayBefore.applicationNo()),
                numbers(applications.ofStatus(ApplicationStatus.APPROVED, decided.plusNanos(1), now)));
    }

    private static Application decidedApplication(DynamoApplicationRepository applications, String no, Instant decided) {
        Application approved = inserted(applications, no, decided.minus(Duration.ofDays(3))).toBuilder()
                .status(ApplicationStatus.APPROVED).enterpriseSignedAt(decided.minus(Duration.ofDays(2))).decidedAt(decided)
                .version(2).build();
        applications.update(approved, 1);
        return approved;
    }

    private static List<String> numbers(List<Application> applications) {
        return applications.stream().map(Application::applicationNo).toList();
    }

    /** A draft written with its CREATED event. */
    private static Application inserted(DynamoApplicationRepository applications, String no, Instant created) {
        Application draft = Application.builder().applicationNo(no).type(ApplicationType.FIRST_ISSUE).status(ApplicationStatus.DRAFT)
                .applicant(new Applicant("王晓丽", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "11010519491231002X", "13912345678"))
                .category(Category.C3).position(Position.P08).createdAt(created).updatedAt(created).version(1).build();
        applications.insert(draft, event(draft, created, ApplicationEvent.Action.CREATED));
        return draft;
    }

    private static ApplicationEvent event(Application a, Instant at, ApplicationEvent.Action action) {
        return new ApplicationEvent(a.applicationNo(), at, "person", a.applicantIdNo(), action);
    }

    private static List<ApplicationEvent.Action> actions(DynamoApplicationRepository applications, Application a) {
        return applications.events(a.applicationNo()).stream().map(ApplicationEvent::action).toList();
    }

    /** The trail's own items, read straight from the table. */
    private List<Map<String, AttributeValue>> trailLines(String applicationNo) {
        return dynamoDb.query(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :e)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("APP#" + applicationNo),
                        ":e", AttributeValue.fromS("EVENT#")))).items();
    }

    private void deleteTrailLine(String applicationNo, String action) {
        var line = trailLines(applicationNo).stream().filter(i -> i.get("doc").s().contains("\"" + action + "\""))
                .findFirst().orElseThrow();
        dynamoDb.deleteItem(r -> r.tableName(tableName).key(Map.of("pk", line.get("pk"), "sk", line.get("sk"))));
    }

    @Test
    void aPersonsApplicationsComeNewestFirstWhateverTheirFractionOfASecond() {
        var applications = new DynamoApplicationRepository(table);
        String idNo = "310104198505050014";
        List<String> created = List.of("2026-11-27T02:00:00.5Z", "2026-11-27T02:00:00Z", "2026-11-27T02:00:00.123Z");
        for (int i = 0; i < created.size(); i++) {
            Instant at = Instant.parse(created.get(i));
            applications.insert(Application.builder().applicationNo("W202611279901" + i).type(ApplicationType.FIRST_ISSUE)
                    .applicant(new Applicant("陈子莲", Gender.F, LocalDate.of(1985, 5, 5), IdType.ID_CARD, idNo, "13912345678"))
                    .category(Category.C3).createdAt(at).updatedAt(at).version(1).build());
        }

        assertEquals(List.of("W2026112799010", "W2026112799012", "W2026112799011"),
                applications.ofApplicant(idNo).stream().map(Application::applicationNo).toList());
    }

    @Test
    void aClaimIsWrittenOnlyWhereItsTargetIsFreeOrAlreadyTheSameApplications() {
        var claims = new DynamoClaimRepository(table);
        String idNo = "310104197001010016";
        ClaimTarget c3 = ClaimTarget.category(Category.C3);
        Claim first = new Claim(idNo, c3, "W2026112799101", 3, "attempt-1");
        Claim again = new Claim(idNo, c3, "W2026112799101", 5, "attempt-2");
        Claim other = new Claim(idNo, c3, "W2026112799102", 1, "attempt-3");

        assertEquals(Optional.empty(), claims.take(first));
        assertEquals(Optional.of(first), claims.take(again), "the same application renews its claim");
        assertEquals(Optional.of(again), claims.take(other), "another application finds the holder");
        assertEquals(List.of(again), claims.ofApplicant(idNo));

        assertFalse(claims.takeOver(other, first), "only over the claim that stands there now");
        assertTrue(claims.takeOver(other, again));
        assertFalse(claims.release(again), "a claim is released only by the attempt that wrote it");
        assertEquals(List.of(other), claims.ofApplicant(idNo));
        assertTrue(claims.release(other));
        assertEquals(List.of(), claims.ofApplicant(idNo));
    }

    @Test
    void ofSixteenApplicationsTakingOneTargetAtOnceExactlyOneGetsIt() {
        var claims = new DynamoClaimRepository(table);
        String idNo = "310104197001020012";
        ClaimTarget target = ClaimTarget.certificate("沪建安C3（2024）0000042");

        List<Optional<Claim>> answers = racing(16, i -> claims.take(new Claim(idNo, target, "W20261127992" + (10 + i), 1, "a" + i)));

        assertEquals(1, answers.stream().filter(Optional::isEmpty).count(), answers.toString());
        Claim holder = claims.ofApplicant(idNo).getFirst();
        assertTrue(answers.stream().flatMap(Optional::stream).allMatch(holder::equals), answers.toString());
    }

    @Test
    void ofSixteenTakeOversOfOneStaleClaimExactlyOneSucceeds() {
        var claims = new DynamoClaimRepository(table);
        String idNo = "310104197001030019";
        ClaimTarget target = ClaimTarget.original("鲁建安C1（2023）0012345");
        Claim stale = new Claim(idNo, target, "W2026112799300", 2, "died");
        claims.take(stale);

        List<Boolean> answers = racing(16, i -> claims.takeOver(new Claim(idNo, target, "W20261127993" + (10 + i), 1, "t" + i), stale));

        assertEquals(1, answers.stream().filter(Boolean::booleanValue).count(), answers.toString());
    }

    /** Runs {@code n} calls at once (released together) and answers their results in order. */
    private static <T> List<T> racing(int n, IntFunction<T> call) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(n)) {
            List<Future<T>> results = IntStream.range(0, n).mapToObj(i -> threads.submit(() -> {
                start.await();
                return call.apply(i);
            })).toList();
            start.countDown();
            return results.stream().map(f -> {
                try {
                    return f.get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void concurrentCountersNeverHandOutTheSameNumber() {
        var sequence = new DynamoSequence(table);
        Set<Long> seen = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 40).parallel().forEach(i -> seen.add(sequence.next("it#" + Instant.now().getEpochSecond() / 100_000)));

        assertEquals(40, seen.size());
    }

    @Test
    void aDocumentIsDownloadedThroughAShortLivedLink() throws Exception {
        byte[] pdf = "%PDF-1.7 form".getBytes(StandardCharsets.US_ASCII);
        documents.put("applications/W2026112799001/form.pdf", pdf, "application/pdf");

        assertArrayEquals(pdf, documents.get("applications/W2026112799001/form.pdf").orElseThrow());
        assertTrue(documents.get("applications/none.pdf").isEmpty());
        var link = documents.link("applications/W2026112799001/form.pdf", "考核发证申请表_20261127100000.pdf", Duration.ofMinutes(5));
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.url())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        assertTrue(link.expiresAt().isAfter(Instant.now()));
    }

    // ---- the signing chain

    @Test
    void anSmsChallengeIsInsertedOnceAndEachTryWrittenOnlyOverTheVersionItWasReadAt() {
        var challenges = new DynamoSmsChallengeRepository(table);
        Instant sentAt = Instant.parse("2026-11-27T02:00:00Z");
        SmsChallenge.Issued issued = SmsChallenge.issue("W2026112799401", 3, "13912345678", "考核发证申请表_20261127100000.pdf",
                sentAt, new Random(7), "test-sms-secret".getBytes(StandardCharsets.US_ASCII));
        SmsChallenge first = issued.challenge();
        SmsChallenge.Issued other = SmsChallenge.issue(first.applicationNo(), 3, first.mobile(), first.fileName(), sentAt,
                new Random(8), "test-sms-secret".getBytes(StandardCharsets.US_ASCII));

        assertTrue(challenges.insert(first));
        assertFalse(challenges.insert(other.challenge()), "a second first code is refused");
        assertEquals(new Versioned<>(first, 1), challenges.current(first.applicationNo()).orElseThrow());

        SmsChallenge wrongOnce = first.attempt("000000".equals(issued.code()) ? "111111" : "000000", sentAt.plusSeconds(60)).after();
        assertTrue(challenges.update(wrongOnce, 1));
        assertFalse(challenges.update(first.announced(sentAt), 1), "a try over a stale version is refused");
        assertEquals(new Versioned<>(wrongOnce, 2), challenges.current(first.applicationNo()).orElseThrow());
        assertTrue(challenges.current("W2026112799499").isEmpty());

        Map<String, AttributeValue> item = rawItem("APP#" + first.applicationNo(), "SMS");
        assertFalse(item.toString().contains(issued.code()), "the code is never stored");
        assertTrue(item.get("doc").s().contains(first.codeHash()) && item.get("doc").s().contains(first.salt()));
        assertEquals(String.valueOf(sentAt.plus(Duration.ofDays(1)).getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void ofTwentyCodesAskedForOneMobileAtOnceExactlyTheLimitAreCounted() {
        var quota = new DynamoSmsQuota(table);
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        LocalDate day = LocalDate.of(2026, 11, 27);

        List<Boolean> taken = racing(20, i -> quota.take(mobile, day, 10));

        assertEquals(10, taken.stream().filter(Boolean::booleanValue).count(), taken.toString());
        assertFalse(quota.take(mobile, day, 10), "the limit holds afterwards too");
        assertTrue(quota.take(mobile, day.plusDays(1), 10), "the next day counts again");
        Map<String, AttributeValue> item = rawItem("COUNTER#sms#" + mobile + "#" + day, "COUNTER");
        assertEquals("10", item.get("count").n());
        assertEquals(String.valueOf(Instant.parse("2026-11-29T00:00:00Z").getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void anEnterprisesSigningLockIsWrittenOnlyOverTheVersionItWasReadAt() {
        var locks = new DynamoSigningLockRepository(table);
        Instant now = Instant.parse("2026-11-27T02:00:00Z");
        SigningLock once = SigningLock.open("91310115MA1H2B0002").wrong(now);
        SigningLock locked = new SigningLock(once.uscc(), 5, now.plus(SigningLock.LOCK_FOR));

        assertTrue(locks.find(once.uscc()).isEmpty());
        assertTrue(locks.insert(once));
        assertFalse(locks.insert(once.wrong(now)), "two first wrong tries: one insert lands");
        assertTrue(locks.update(locked, 1));
        assertFalse(locks.update(once.wrong(now), 1), "a try over a stale version is refused");
        assertEquals(new Versioned<>(locked, 2), locks.find(once.uscc()).orElseThrow());
    }

    @Test
    void aSigningSessionKeepsItsBytesExactlyAndIsWrittenOnce() {
        var sessions = new DynamoSigningSessionRepository(table);
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        Instant created = Instant.parse("2026-11-27T02:00:00.123456789Z");
        SigningSession session = new SigningSession("sgn-" + UUID.randomUUID(), "W2026112799402", "91310000MA1FL4CT2Q", 4,
                "applications/W2026112799402/v4/prepared.pdf", new long[] {0, 1000, 9192, 30000},
                java.util.Arrays.copyOf(every, 32), every, created, created.plus(SigningSession.VALID_FOR));

        sessions.insert(session);
        SigningSession read = sessions.find(session.signingId()).orElseThrow();
        assertEquals(session, read);
        assertArrayEquals(every, read.certificate());
        assertArrayEquals(new long[] {0, 1000, 9192, 30000}, read.byteRange());
        assertThrows(IllegalStateException.class, () -> sessions.insert(session), "a signingId is never reused");
        assertTrue(sessions.find("sgn-none").isEmpty());
        assertEquals(String.valueOf(session.expiresAt().plus(Duration.ofDays(1)).getEpochSecond()),
                rawItem("SIGNING#" + session.signingId(), "SESSION").get("expiresAt").n());
    }

    @Test
    void aCredentialIsInsertedOnceKeepsItsKeyAndCertificateByteForByteAndChangesOnlyOverItsVersion() {
        var credentials = new DynamoSigningCredentialRepository(table);
        byte[] certificate = new byte[700];
        byte[] sealedKey = new byte[300];
        new Random(11).nextBytes(certificate);
        new Random(12).nextBytes(sealedKey);
        Instant issued = Instant.parse("2026-11-27T02:00:00Z");
        StoredCredential first = new StoredCredential("ENTERPRISE#91310000MA1FL4CT2Q", certificate, sealedKey, "pbkdf2$hash-1", issued);
        StoredCredential racing = new StoredCredential(first.owner(), sealedKey, certificate, "pbkdf2$hash-1", issued);
        StoredCredential renewed = new StoredCredential(first.owner(), certificate, new byte[] {1, 2, 3}, "pbkdf2$hash-2", issued.plusSeconds(60));

        assertTrue(credentials.insert(first));
        assertFalse(credentials.insert(racing), "two first signatures at once keep one key");
        Versioned<StoredCredential> read = credentials.find(first.owner()).orElseThrow();
        assertEquals(new Versioned<>(first, 1), read);
        assertArrayEquals(sealedKey, read.value().sealedKey());
        assertTrue(credentials.update(renewed, 1));
        assertFalse(credentials.update(first, 1), "a write over a stale version is refused");
        assertEquals(new Versioned<>(renewed, 2), credentials.find(first.owner()).orElseThrow());
        assertTrue(credentials.find("PERSON#none").isEmpty());

        Map<String, AttributeValue> item = rawItem("CREDENTIAL#" + first.owner(), "CREDENTIAL");
        assertArrayEquals(certificate, item.get("certificate").b().asByteArray(), "stored as a binary attribute");
        assertArrayEquals(new byte[] {1, 2, 3}, item.get("sealedKey").b().asByteArray());
    }

    @Test
    void aDeliveredNoticeIsRememberedAndMarkingItAgainIsHarmless() {
        var delivered = new DynamoDeliveredNotices(table);
        String id = "personally-signed:W" + ThreadLocalRandom.current().nextLong(10_000_000_000_000L);
        Instant at = Instant.parse("2026-11-27T02:00:00Z");

        assertFalse(delivered.isDelivered(id));
        delivered.markDelivered(id, at);
        delivered.markDelivered(id, at.plusSeconds(1));
        assertTrue(delivered.isDelivered(id));
        assertFalse(delivered.isDelivered(id + "0"));
        assertEquals(String.valueOf(at.plusSeconds(1).plus(Duration.ofDays(30)).getEpochSecond()),
                rawItem("NOTICE#" + id, "DELIVERED").get("expiresAt").n());
    }

    @Test
    void aPublishedNoticeIsReceivedFromTheNotificationQueueAndDecodedEqual() {
        Notice notice = new Notice("sms-code:W2026112799403:" + UUID.randomUUID(), "13912345678",
                "【安管人员考核发证】您正在签署《考核发证申请表_20261127100000.pdf》，验证码482915，30分钟内有效。",
                "W2026112799403", Notice.Requires.NOTHING, Instant.parse("2026-11-27T02:00:00.5Z"));

        new SqsNoticeQueue(backend.sqs(), notificationQueueUrl).publish(notice);

        Notice received = null;
        for (int round = 0; round < 10 && received == null; round++) {
            for (var message : backend.sqs().receiveMessage(r -> r.queueUrl(notificationQueueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                Notice decoded = NoticeMessages.notice(message.body());
                if (decoded.id().equals(notice.id())) {
                    received = decoded;
                    backend.sqs().deleteMessage(d -> d.queueUrl(notificationQueueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        assertEquals(notice, received);
        assertThrows(NoticeMessages.UndecodableNotice.class, () -> NoticeMessages.notice("{\"id\":\"x\"}"), "a notice needs its fields");
    }

    /** Twelve notices handed over together: two SendMessageBatch requests (SQS takes ten), every one received whole. */
    @Test
    void noticesPublishedTogetherAreEachReceivedAndDecodedEqual() {
        String run = UUID.randomUUID().toString();
        List<Notice> notices = IntStream.range(0, 12).mapToObj(i -> new Notice("decided:W2026112799405:" + run + ":" + i,
                "1391234" + String.format("%04d", i), "【安管人员考核发证】您的考核发证申请（W2026112799405）已审批：准予许可。",
                "W2026112799405", Notice.Requires.NOTHING, Instant.parse("2026-11-27T02:00:00.5Z"))).toList();

        new SqsNoticeQueue(backend.sqs(), notificationQueueUrl).publishAll(notices);

        Map<String, Notice> received = new ConcurrentHashMap<>();
        for (int round = 0; round < 20 && received.size() < notices.size(); round++) {
            for (var message : backend.sqs().receiveMessage(r -> r.queueUrl(notificationQueueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages()) {
                Notice decoded = NoticeMessages.notice(message.body());
                if (decoded.id().contains(run)) {
                    received.put(decoded.id(), decoded);
                    backend.sqs().deleteMessage(d -> d.queueUrl(notificationQueueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        assertEquals(Set.copyOf(notices), Set.copyOf(received.values()));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SqsNoticeQueue(backend.sqs(), notificationQueueUrl + "-missing").publishAll(notices.subList(0, 2)));
        assertFalse(refused.getMessage().contains("准予许可") || refused.getMessage().contains("13912340000"),
                "neither a text nor a mobile in the error: " + refused.getMessage());
    }

    @Test
    void anSmsGoesToTheMobileInE164AndIsRecordedUnderTheElevenDigits() {
        String mobile = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String text = "【安管人员考核发证】您的考核发证申请（W2026112799404）已受理。";

        new SnsSmsGateway(backend.sns()).send(mobile, text);

        assertEquals(List.of(text), backend.smsTo().apply(mobile));
    }

    /** An item as stored, read beside the adapters. */
    private Map<String, AttributeValue> rawItem(String pk, String sk) {
        return dynamoDb.getItem(r -> r.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }
}
