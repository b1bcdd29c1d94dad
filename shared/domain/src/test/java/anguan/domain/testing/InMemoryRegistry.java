package anguan.domain.testing;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.claim.Claim;
import anguan.domain.application.claim.ClaimRepository;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Sequence;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.issuance.IssueOrder;
import anguan.domain.issuance.IssueQueue;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import anguan.domain.notification.DeliveredNotices;
import anguan.domain.notification.Notice;
import anguan.domain.notification.NoticeQueue;
import anguan.domain.notification.SmsGateway;
import anguan.domain.signing.SigningCredentialRepository;
import anguan.domain.signing.SigningLock;
import anguan.domain.signing.SigningLockRepository;
import anguan.domain.signing.SigningSession;
import anguan.domain.signing.SigningSessionRepository;
import anguan.domain.signing.SmsChallenge;
import anguan.domain.signing.SmsChallengeRepository;
import anguan.domain.signing.SmsQuota;
import anguan.domain.signing.StoredCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every port in memory, with the same contracts as the DynamoDB and S3 adapters (optimistic
 * versions included), for service and handler tests that need no emulator.
 */
public final class InMemoryRegistry implements PersonRepository, Sequence, DocumentStore {

    private final Versions<Person> persons = new Versions<>();
    private final Versions<Employment> employments = new Versions<>();
    private final Map<String, ExamResult> exams = new ConcurrentHashMap<>();
    private final Versions<Enterprise> enterprises = new Versions<>();
    private final Versions<Certificate> certificates = new Versions<>();
    private final Versions<ExternalCertificate> externals = new Versions<>();
    private final Map<String, Application> applications = new ConcurrentHashMap<>();
    /** What the applicant index shows while it lags behind (null: it is up to date). */
    // transient: a simulated lagging index is a view of the applications, not state of its own (Snapshot skips it)
    private transient volatile Map<String, Application> applicantIndex;
    private final List<ApplicationEvent> events = new ArrayList<>();
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final Map<String, Long> counters = new ConcurrentHashMap<>();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    // ---- the signing chain's state ----
    private final Versions<SmsChallenge> smsChallenges = new Versions<>();
    private final Map<String, Integer> smsQuota = new ConcurrentHashMap<>();
    private final Versions<SigningLock> signingLocks = new Versions<>();
    private final Map<String, SigningSession> signingSessions = new ConcurrentHashMap<>();
    private final Versions<StoredCredential> credentials = new Versions<>();
    /** The notification queue as the notifier sees it: by notice id, since it sends each id once. */
    private final Map<String, Notice> notices = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> deliveredNotices = new ConcurrentHashMap<>();
    private final List<String> sentSms = new ArrayList<>();
    /** The certificate queue as its consumer sees it: by order id, since an order sent twice is one order. */
    private final Map<String, IssueOrder> issueOrders = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRegistry(Clock clock) {
        this.clock = clock;
    }

    // ---- persons and employments: the conditional writes of the port, and seeding for test set-up ----

    @Override public Optional<Versioned<Person>> findVersioned(String idNo) { return persons.find(idNo); }
    @Override public boolean insert(Person person) { return persons.insert(person.idNo(), person); }
    @Override public boolean update(Person person, long expectedVersion) { return persons.update(person.idNo(), person, expectedVersion); }

    /** Seeds an entry as a feed would have stored it, whatever is there (test set-up, not the port). */
    public void save(Person person) { persons.put(person.idNo(), person); }

    @Override
    public List<Employment> employments(String idNo) {
        return employments.values().filter(e -> e.idNo().equals(idNo)).toList();
    }

    @Override public Optional<Versioned<Employment>> findEmployment(String idNo, String uscc) { return employments.find(idNo + "/" + uscc); }
    @Override public boolean insertEmployment(Employment e) { return employments.insert(e.idNo() + "/" + e.uscc(), e); }

    @Override
    public boolean updateEmployment(Employment e, long expectedVersion) {
        return employments.update(e.idNo() + "/" + e.uscc(), e, expectedVersion);
    }

    /** Seeds an employment (test set-up, not the port). */
    public void saveEmployment(Employment e) { employments.put(e.idNo() + "/" + e.uscc(), e); }

    @Override public boolean deleteEmployment(String idNo, String uscc) { return employments.remove(idNo + "/" + uscc); }

    @Override
    public List<ExamResult> exams(String idNo) {
        return exams.values().stream().filter(e -> e.idNo().equals(idNo)).toList();
    }

    @Override
    public void saveExam(ExamResult e) {
        exams.put(e.idNo() + "/" + e.examType() + "/" + e.category() + "/" + e.examDate(), e);
    }

    public Optional<Enterprise> findEnterprise(String uscc) { return enterprises.find(uscc).map(Versioned::value); }

    /** Seeds an enterprise (test set-up, not the port). */
    public void save(Enterprise enterprise) { enterprises.put(enterprise.uscc(), enterprise); }

    /** EnterpriseRepository.find and PersonRepository.find share a name; this view resolves it. */
    public EnterpriseRepository enterpriseRepository() {
        return new EnterpriseRepository() {
            @Override public Optional<Versioned<Enterprise>> findVersioned(String uscc) { return enterprises.find(uscc); }
            @Override public boolean insert(Enterprise e) { return enterprises.insert(e.uscc(), e); }
            @Override public boolean update(Enterprise e, long expectedVersion) { return enterprises.update(e.uscc(), e, expectedVersion); }
        };
    }

    public Optional<Certificate> findCertificate(String no) { return certificates.find(no).map(Versioned::value); }

    public CertificateRepository certificateRepository() {
        return new CertificateRepository() {
            @Override public Optional<Versioned<Certificate>> findVersioned(String no) { return certificates.find(no); }
            @Override public List<Certificate> ofHolder(String idNo) { return InMemoryRegistry.this.ofHolder(idNo); }
            @Override public List<Certificate> atEnterprise(String uscc) { return InMemoryRegistry.this.atEnterprise(uscc); }
            @Override public boolean insert(Certificate c) { return certificates.insert(c.certificateNo(), c); }
            @Override public boolean update(Certificate c, long v) { return certificates.update(c.certificateNo(), c, v); }
            @Override public Optional<Versioned<ExternalCertificate>> findExternalVersioned(String no) { return externals.find(no); }
            @Override public boolean insertExternal(ExternalCertificate c) { return externals.insert(c.certificateNo(), c); }
            @Override public boolean updateExternal(ExternalCertificate c, long v) { return externals.update(c.certificateNo(), c, v); }
        };
    }

    public ApplicationRepository applicationRepository() {
        return new ApplicationRepository() {
            @Override public Optional<Application> find(String no) { return Optional.ofNullable(applications.get(no)); }
            @Override public List<Application> ofApplicant(String idNo) { return InMemoryRegistry.this.ofApplicant(idNo); }
            @Override public List<Application> ofEnterprise(String uscc) { return InMemoryRegistry.this.ofEnterprise(uscc); }
            @Override public List<Application> ofStatus(anguan.domain.application.ApplicationStatus status, Instant since, Instant until) {
                // as gsi3: keyed by the instant it entered the status, then the number; the window is inclusive
                return applications.values().stream().filter(a -> !a.isDeleted() && a.status() == status)
                        .filter(a -> (since == null || !a.enteredStatusAt().isBefore(since)) && (until == null || !a.enteredStatusAt().isAfter(until)))
                        .sorted(Comparator.comparing(Application::enteredStatusAt).thenComparing(Application::applicationNo).reversed()).toList();
            }
            @Override public void insert(Application a) { InMemoryRegistry.this.insert(a); }
            @Override public void insert(Application a, ApplicationEvent e) { InMemoryRegistry.this.insert(a, e); }
            @Override public void update(Application a, long v) { InMemoryRegistry.this.update(a, v); }
            @Override public void update(Application a, long v, ApplicationEvent e) { InMemoryRegistry.this.update(a, v, e); }
            @Override public void append(ApplicationEvent e) { InMemoryRegistry.this.append(e); }
            @Override public List<ApplicationEvent> events(String no) { return InMemoryRegistry.this.events(no); }
        };
    }

    public ClaimRepository claimRepository() {
        return new ClaimRepository() {
            @Override public Optional<Claim> take(Claim c) { return InMemoryRegistry.this.take(c); }
            @Override public boolean takeOver(Claim c, Claim from) { return InMemoryRegistry.this.takeOver(c, from); }
            @Override public boolean release(Claim c) { return InMemoryRegistry.this.release(c); }
            @Override public List<Claim> ofApplicant(String idNo) { return claims(idNo); }
        };
    }

    // ---- claims: each operation one conditional write, as on DynamoDB ----

    private static String claimKey(Claim c) {
        return c.idNo() + "/" + c.target().key();
    }

    private static boolean sameClaim(Claim stored, Claim expected) {
        return stored != null && stored.isOf(expected.applicationNo()) && stored.attempt().equals(expected.attempt());
    }

    public synchronized Optional<Claim> take(Claim c) {
        Claim before = claims.get(claimKey(c));
        if (before == null || before.isOf(c.applicationNo())) {
            claims.put(claimKey(c), c);
        }
        return Optional.ofNullable(before);
    }

    public synchronized boolean takeOver(Claim c, Claim from) {
        if (!sameClaim(claims.get(claimKey(c)), from)) {
            return false;
        }
        claims.put(claimKey(c), c);
        return true;
    }

    public synchronized boolean release(Claim c) {
        return sameClaim(claims.get(claimKey(c)), c) && claims.remove(claimKey(c)) != null;
    }

    /** The person's claims, whoever holds them. */
    public synchronized List<Claim> claims(String idNo) {
        return claims.values().stream().filter(c -> c.idNo().equals(idNo)).sorted(Comparator.comparing(Claim::target)).toList();
    }

    public List<Certificate> ofHolder(String idNo) {
        return certificates.values().filter(c -> c.idNo().equals(idNo)).toList();
    }

    public List<Certificate> atEnterprise(String uscc) {
        return certificates.values().filter(c -> c.uscc().equals(uscc)).toList();
    }

    /** Seeds a certificate (test set-up, not the port). */
    public void save(Certificate c) { certificates.put(c.certificateNo(), c); }

    public Optional<ExternalCertificate> findExternal(String no) { return externals.find(no).map(Versioned::value); }

    /** Seeds a national record (test set-up, not the port). */
    public void saveExternal(ExternalCertificate c) { externals.put(c.certificateNo(), c); }

    /**
     * From now on the person's applications are read as they stand now, whatever is written later,
     * as a DynamoDB index that lags behind its table would show them (reads by number stay exact).
     */
    public void freezeApplicantIndex() {
        applicantIndex = Map.copyOf(applications);
    }

    /** The index caught up again. */
    public void thawApplicantIndex() {
        applicantIndex = null;
    }

    public List<Application> ofApplicant(String idNo) {
        Map<String, Application> index = applicantIndex == null ? applications : applicantIndex;
        return index.values().stream().filter(a -> a.applicantIdNo().equals(idNo))
                .sorted(Comparator.comparing(Application::createdAt).reversed()).toList();
    }

    public synchronized void insert(Application a) {
        if (applications.putIfAbsent(a.applicationNo(), a) != null) {
            throw new IllegalStateException("application number already taken: " + a.applicationNo());
        }
    }

    public synchronized void update(Application a, long expectedVersion) {
        Application stored = applications.get(a.applicationNo());
        if (stored == null || stored.version() != expectedVersion) {
            throw DomainProblem.concurrentUpdate();
        }
        applications.put(a.applicationNo(), a);
    }

    /** The application and its event under one lock: both or neither. */
    public synchronized void insert(Application a, ApplicationEvent e) {
        insert(a);
        events.add(e);
    }

    /** A change's line is keyed by the version it produced (as in DynamoDB), so two changes of one instant are two lines. */
    public synchronized void update(Application a, long expectedVersion, ApplicationEvent e) {
        update(a, expectedVersion);
        events.add(e);
    }

    /** As DynamoDB keys them: the same line (instant, action, role) appended again is kept once. */
    public synchronized void append(ApplicationEvent e) {
        if (events.stream().noneMatch(x -> x.applicationNo().equals(e.applicationNo()) && x.at().equals(e.at())
                && x.action() == e.action() && x.actorRole().equals(e.actorRole()))) {
            events.add(e);
        }
    }

    public List<Application> ofEnterprise(String uscc) {
        return applications.values().stream()
                .filter(a -> a.enterprise() != null && uscc.equals(a.enterprise().uscc()))
                .sorted(Comparator.comparing(Application::createdAt).reversed()).toList();
    }

    public synchronized List<ApplicationEvent> events(String no) {
        return events.stream().filter(e -> e.applicationNo().equals(no)).toList();
    }

    @Override public long next(String counter) { return counters.merge(counter, 1L, Long::sum); }

    @Override public void put(String key, byte[] content, String contentType) { documents.put(key, content.clone()); }
    @Override public Optional<byte[]> get(String key) { return Optional.ofNullable(documents.get(key)); }

    @Override
    public DownloadLink link(String key, String fileName, Duration validFor) {
        return new DownloadLink("memory://" + key, clock.instant().plus(validFor));
    }

    // ---- signing chain ----

    public SmsChallengeRepository smsChallengeRepository() {
        return new SmsChallengeRepository() {
            @Override public Optional<Versioned<SmsChallenge>> current(String no) { return smsChallenges.find(no); }
            @Override public boolean insert(SmsChallenge c) { return smsChallenges.insert(c.applicationNo(), c); }
            @Override public boolean update(SmsChallenge c, long v) { return smsChallenges.update(c.applicationNo(), c, v); }
        };
    }

    public SmsQuota smsQuota() {
        return (mobile, day, limit) -> {
            synchronized (smsQuota) {
                String key = mobile + "#" + day;
                int used = smsQuota.getOrDefault(key, 0);
                if (used >= limit) {
                    return false;
                }
                smsQuota.put(key, used + 1);
                return true;
            }
        };
    }

    public int smsCodesSent(String mobile, java.time.LocalDate day) {
        return smsQuota.getOrDefault(mobile + "#" + day, 0);
    }

    public SigningLockRepository signingLockRepository() {
        return new SigningLockRepository() {
            @Override public Optional<Versioned<SigningLock>> find(String uscc) { return signingLocks.find(uscc); }
            @Override public boolean insert(SigningLock l) { return signingLocks.insert(l.uscc(), l); }
            @Override public boolean update(SigningLock l, long v) { return signingLocks.update(l.uscc(), l, v); }
        };
    }

    public SigningSessionRepository signingSessionRepository() {
        return new SigningSessionRepository() {
            @Override public void insert(SigningSession s) {
                if (signingSessions.putIfAbsent(s.signingId(), s) != null) {
                    throw new IllegalStateException("signing id taken: " + s.signingId());
                }
            }
            @Override public Optional<SigningSession> find(String id) { return Optional.ofNullable(signingSessions.get(id)); }
        };
    }

    public SigningCredentialRepository signingCredentialRepository() {
        return new SigningCredentialRepository() {
            @Override public Optional<Versioned<StoredCredential>> find(String owner) { return credentials.find(owner); }
            @Override public boolean insert(StoredCredential c) { return credentials.insert(c.owner(), c); }
            @Override public boolean update(StoredCredential c, long v) { return credentials.update(c.owner(), c, v); }
        };
    }

    /** The notification queue: what is published, by id (a duplicate id is the same message again). */
    public NoticeQueue noticeQueue() {
        return notice -> notices.put(notice.id(), notice);
    }

    public List<Notice> notices() {
        return notices.values().stream().sorted(Comparator.comparing(Notice::id)).toList();
    }

    public DeliveredNotices deliveredNotices() {
        return new DeliveredNotices() {
            @Override public boolean isDelivered(String id) { return deliveredNotices.containsKey(id); }
            @Override public void markDelivered(String id, java.time.Instant at) { deliveredNotices.putIfAbsent(id, at); }
        };
    }

    /** The SMS gateway: every SMS sent, as "mobile: text", in order. */
    public SmsGateway smsGateway() {
        return (mobile, text) -> {
            synchronized (sentSms) {
                sentSms.add(mobile + ": " + text);
            }
        };
    }

    public List<String> sentSms() {
        synchronized (sentSms) {
            return List.copyOf(sentSms);
        }
    }

    /** The certificate queue: what is published, by order id (a duplicate id is the same order again). */
    public IssueQueue issueQueue() {
        return order -> issueOrders.put(order.id(), order);
    }

    public List<IssueOrder> issueOrders() {
        return issueOrders.values().stream().sorted(Comparator.comparing(IssueOrder::id)).toList();
    }

    public int documentCount() {
        return documents.size();
    }

    /** The whole state, every table, for comparing two runs (crash-and-retry suites). */
    public Snapshot snapshot() {
        return Snapshot.of(this);
    }

    /**
     * Records by key with the version of each, under the adapters' contract: a new record at 1,
     * every update one higher, an update only over the version read, an insert only where nothing is.
     */
    static final class Versions<T> {
        private final Map<String, Versioned<T>> items = new ConcurrentHashMap<>();

        /** The rows with their versions, for {@link Snapshot}. */
        Map<String, Versioned<T>> rows() {
            return items;
        }

        Optional<Versioned<T>> find(String key) {
            return Optional.ofNullable(items.get(key));
        }

        Stream<T> values() {
            return items.values().stream().map(Versioned::value);
        }

        boolean insert(String key, T value) {
            return items.putIfAbsent(key, new Versioned<>(value, 1)) == null;
        }

        boolean update(String key, T value, long expectedVersion) {
            Versioned<T> read = items.get(key);
            return read != null && read.version() == expectedVersion
                    && items.replace(key, read, new Versioned<>(value, expectedVersion + 1));
        }

        void put(String key, T value) {
            items.merge(key, new Versioned<>(value, 1), (old, fresh) -> new Versioned<>(value, old.version() + 1));
        }

        boolean remove(String key) {
            return items.remove(key) != null;
        }
    }
}
