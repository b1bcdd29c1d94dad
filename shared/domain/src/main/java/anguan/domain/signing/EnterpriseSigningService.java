package anguan.domain.signing;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.DocumentRef;
import anguan.domain.application.Page;
import anguan.domain.application.Parties;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.notification.NoticeQueue;
import anguan.domain.notification.NoticeTexts;
import anguan.domain.person.PersonRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * 企业签章: the enterprise's list of applications naming it, their details, and its signature, by
 * 签章密码 (the platform unseals its 一证通 key) or by a hardware token in two phases.
 *
 * <p>Before signing, the person's signature must still verify. The signed form and the
 * 行政审批受理通知书 are stored before the application that points at them; the person's notice is
 * handed over before the write it tells of (the notifier sends it once that write is there); then
 * the application moves to UNDER_REVIEW over the version read, so of two signatures at once exactly
 * one is recorded and the other is a 409. A second signature later is a 409 too.
 */
public final class EnterpriseSigningService {
    private static final String ENTERPRISE = "enterprise";

    private final ApplicationRepository applications;
    private final EnterpriseRepository enterprises;
    private final PersonRepository persons;
    private final SigningLockRepository locks;
    private final SigningSessionRepository sessions;
    private final FormSigner signer;
    private final AcceptanceNoticeRenderer notices;
    private final DocumentStore documents;
    private final NoticeQueue queue;
    private final RandomGenerator random;
    private final Clock clock;

    public EnterpriseSigningService(ApplicationRepository applications, EnterpriseRepository enterprises, PersonRepository persons,
                                    SigningLockRepository locks, SigningSessionRepository sessions, FormSigner signer,
                                    AcceptanceNoticeRenderer notices, DocumentStore documents, NoticeQueue queue,
                                    RandomGenerator random, Clock clock) {
        this.applications = applications;
        this.enterprises = enterprises;
        this.persons = persons;
        this.locks = locks;
        this.sessions = sessions;
        this.signer = signer;
        this.notices = notices;
        this.documents = documents;
        this.queue = queue;
        this.random = random;
        this.clock = clock;
    }

    /** GET /enterprise/applications: newest first. */
    public Page<Application> list(String uscc, EnterpriseApplicationQuery query) {
        List<Application> found = applications.ofEnterprise(uscc).stream()
                .filter(a -> !a.isDeleted() && Parties.isFiledWith(a, uscc))
                .filter(a -> query.status() == null || a.status() == query.status())
                .filter(a -> query.type() == null || a.type() == query.type())
                .filter(a -> query.name() == null || (a.applicant().name() != null && a.applicant().name().contains(query.name())))
                .filter(a -> query.idNo() == null || query.idNo().equalsIgnoreCase(a.applicantIdNo()))
                .filter(a -> inRange(a, query.from(), query.to()))
                .sorted(Comparator.comparing(Application::createdAt).reversed())
                .toList();
        return Page.of(found, query.page(), query.size());
    }

    /** GET /enterprise/applications/{no}: read-only. */
    public Application get(String uscc, String applicationNo) {
        return Parties.enterprises(applications, uscc, applicationNo);
    }

    public List<ApplicationEvent> events(String uscc, String applicationNo) {
        get(uscc, applicationNo);
        return applications.events(applicationNo);
    }

    /** POST /enterprise/applications/{no}/signature: the platform-held key, opened by the 签章密码. */
    public Application signWithPassword(String uscc, String applicationNo, Boolean consent, String password) {
        Application application = awaitingSignature(uscc, applicationNo, consent);
        Instant now = clock.instant();
        Optional<Versioned<SigningLock>> lock = locks.find(uscc);
        lock.flatMap(l -> l.value().lockedFor(now)).ifPresent(wait -> {
            throw DomainProblem.tooManyRequests("TOO_MANY_REQUESTS",
                    "签章密码连续输错" + SigningLock.WRONG_IN_A_ROW + "次，签章已锁定，请" + minutes(wait) + "分钟后再试", wait);
        });
        if (password == null || password.isEmpty()) {
            throw DomainProblem.refused("SIGNING_PASSWORD_REQUIRED", "请输入签章密码");
        }
        Enterprise enterprise = registered(uscc);
        if (enterprise.signingPasswordHash() == null) {
            throw DomainProblem.refused("SIGNING_PASSWORD_NOT_SET", "企业尚未设置签章密码，请联系企业信息登记机构设置后再签章");
        }
        byte[] personallySigned = personallySignedForm(application);
        Optional<byte[]> signed = signer.signAsEnterprise(personallySigned, signatory(enterprise), password, now);
        if (signed.isEmpty()) {
            throw wrongPassword(uscc, applicationNo, lock, now);
        }
        if (lock.isPresent() && lock.get().value().wrongInARow() > 0) {
            // A race with a wrong try only keeps that try counted: the count errs on the safe side.
            locks.update(lock.get().value().right(), lock.get().version());
        }
        return accept(application, enterprise, signed.get(), now);
    }

    /** POST …/signature/prepare: the digest a hardware token signs. */
    public SigningSession prepare(String uscc, String applicationNo, Boolean consent, byte[] certificate) {
        Application application = awaitingSignature(uscc, applicationNo, consent);
        Enterprise enterprise = registered(uscc);
        Instant now = clock.instant();
        FormSigner.TokenSigning prepared = signer.prepareForToken(personallySignedForm(application), signatory(enterprise), certificate, now);
        byte[] id = new byte[16];
        random.nextBytes(id);
        String signingId = HexFormat.of().formatHex(id);
        String key = "applications/" + applicationNo + "/signing/" + signingId + ".pdf";
        documents.put(key, prepared.preparedPdf(), "application/pdf");
        SigningSession session = new SigningSession(signingId, applicationNo, uscc, application.version(), key,
                prepared.byteRange(), prepared.digest(), certificate, now, now.plus(SigningSession.VALID_FOR));
        sessions.insert(session);
        return session;
    }

    /** POST …/signature/complete: the token's CMS over the prepared digest. */
    public Application complete(String uscc, String applicationNo, String signingId, byte[] cms) {
        Application application = awaitingSignature(uscc, applicationNo, Boolean.TRUE);
        Instant now = clock.instant();
        SigningSession session = (signingId == null ? Optional.<SigningSession>empty() : sessions.find(signingId))
                .filter(s -> s.applicationNo().equals(applicationNo) && s.uscc().equals(uscc))
                .orElseThrow(() -> DomainProblem.refused("SIGNING_SESSION_NOT_FOUND", "签章请求不存在，请重新发起签章"));
        if (session.isExpired(now)) {
            throw DomainProblem.refused("SIGNING_SESSION_EXPIRED", "签章请求已超过" + SigningSession.VALID_FOR.toMinutes() + "分钟，请重新发起签章");
        }
        if (session.applicationVersion() != application.version()) {
            throw DomainProblem.refused("SIGNING_SESSION_EXPIRED", "申请在签章期间发生了变化，请重新发起签章");
        }
        byte[] prepared = documents.get(session.preparedKey())
                .orElseThrow(() -> DomainProblem.refused("SIGNING_SESSION_EXPIRED", "签章请求已失效，请重新发起签章"));
        byte[] signed;
        try {
            signed = signer.completeWithToken(prepared, session, cms, now);
        } catch (DomainProblem refused) {
            applications.append(new ApplicationEvent(applicationNo, now, ENTERPRISE, uscc, Action.SIGNATURE_REFUSED));
            throw refused;
        }
        return accept(application, registered(uscc), signed, now);
    }

    /**
     * 受理: the signed form and the notice go to the store, the person's notice to the queue, then
     * the application to UNDER_REVIEW. Keys name the version written, so a retry replaces its own files.
     */
    private Application accept(Application application, Enterprise enterprise, byte[] signed, Instant now) {
        long version = application.version() + 1;
        String base = "applications/" + application.applicationNo() + "/v" + version + "/";
        DocumentRef form = application.documents().stream().filter(d -> d.kind().equals("form")).findFirst().orElseThrow();
        DocumentRef signedForm = new DocumentRef("signed-form", signedName(form.fileName()), base + "signed-form.pdf");
        documents.put(signedForm.key(), signed, "application/pdf");
        Application accepted = application.toBuilder().status(ApplicationStatus.UNDER_REVIEW).enterpriseSignedAt(now)
                .updatedAt(now).version(version).build();
        AcceptanceNoticeRenderer.RenderedNotice notice = notices.render(accepted, now);
        DocumentRef noticeRef = new DocumentRef("acceptance-notice", notice.fileName(), base + "acceptance-notice.pdf");
        documents.put(noticeRef.key(), notice.pdf(), "application/pdf");
        List<DocumentRef> docs = new ArrayList<>(application.documents());
        docs.removeIf(d -> d.kind().equals("signed-form") || d.kind().equals("acceptance-notice"));
        docs.add(signedForm);
        docs.add(noticeRef);
        accepted = accepted.toBuilder().documents(docs).build();
        Application told = accepted;
        persons.find(application.applicantIdNo()).map(anguan.domain.person.Person::mobile).filter(m -> !m.isBlank())
                .ifPresent(mobile -> queue.publish(NoticeTexts.accepted(told, mobile, now)));
        applications.update(accepted, application.version(),
                new ApplicationEvent(application.applicationNo(), now, ENTERPRISE, enterprise.uscc(), Action.ENTERPRISE_SIGNED));
        return accepted;
    }

    private DomainProblem wrongPassword(String uscc, String applicationNo, Optional<Versioned<SigningLock>> read, Instant now) {
        Optional<Versioned<SigningLock>> lock = read;
        SigningLock after = null;
        // Two wrong tries at once must both count: re-read and count again when the other wrote first.
        for (int attempt = 0; attempt < 5; attempt++) {
            after = lock.map(Versioned::value).orElse(SigningLock.open(uscc)).wrong(now);
            boolean written = lock.isPresent() ? locks.update(after, lock.get().version()) : locks.insert(after);
            if (written) {
                break;
            }
            lock = locks.find(uscc);
        }
        applications.append(new ApplicationEvent(applicationNo, now, ENTERPRISE, uscc, Action.SIGNING_PASSWORD_WRONG));
        if (after.lockedFor(now).isPresent()) {
            return DomainProblem.tooManyRequests("TOO_MANY_REQUESTS", "签章密码连续输错" + SigningLock.WRONG_IN_A_ROW
                    + "次，签章已锁定" + SigningLock.LOCK_FOR.toMinutes() + "分钟", SigningLock.LOCK_FOR);
        }
        return DomainProblem.wrongAttempt("SIGNING_PASSWORD_INVALID",
                "签章密码错误，再输错" + after.attemptsLeft() + "次将锁定签章" + SigningLock.LOCK_FOR.toMinutes() + "分钟", after.attemptsLeft());
    }

    private Application awaitingSignature(String uscc, String applicationNo, Boolean consent) {
        Application application = get(uscc, applicationNo);
        if (application.status() != ApplicationStatus.AWAITING_ENTERPRISE) {
            throw DomainProblem.invalidState(application.enterpriseSignedAt() != null
                    ? "该申请已由企业签章上报，不能重复签章"
                    : "申请处于“" + application.status().displayName() + "”状态，不能签章");
        }
        if (!Boolean.TRUE.equals(consent)) {
            throw DomainProblem.refused("CONSENT_REQUIRED", "请先勾选聘用企业意见（同意申报），再签章");
        }
        return application;
    }

    /** The form as the person signed it; refused when that signature no longer verifies. */
    private byte[] personallySignedForm(Application application) {
        DocumentRef form = application.documents().stream().filter(d -> d.kind().equals("form")).findFirst()
                .orElseThrow(() -> new IllegalStateException("signed application " + application.applicationNo() + " has no form"));
        byte[] pdf = documents.get(form.key())
                .orElseThrow(() -> new IllegalStateException("the form of " + application.applicationNo() + " is missing"));
        if (!signer.hasValidPersonSignature(pdf, application.applicantIdNo())) {
            throw DomainProblem.refused("PERSONAL_SIGNATURE_INVALID", "申请表上的个人签名验证未通过，不能签章，请联系申请人处理");
        }
        return pdf;
    }

    private Enterprise registered(String uscc) {
        return enterprises.find(uscc).orElseThrow(() -> DomainProblem.refused("ENTERPRISE_NOT_REGISTERED",
                "未查询到企业登记信息，请联系企业信息登记机构"));
    }

    private static FormSigner.EnterpriseSignatory signatory(Enterprise enterprise) {
        return new FormSigner.EnterpriseSignatory(enterprise.uscc(), enterprise.name(), enterprise.signingPasswordHash());
    }

    /** {@code 考核发证申请表_20240614103818.pdf} → {@code 考核发证申请表_20240614103818_sign.pdf}. */
    static String signedName(String formFileName) {
        return formFileName.endsWith(".pdf") ? formFileName.substring(0, formFileName.length() - 4) + "_sign.pdf" : formFileName + "_sign.pdf";
    }

    private static boolean inRange(Application a, LocalDate from, LocalDate to) {
        Instant at = a.personalSignedAt() != null ? a.personalSignedAt() : a.createdAt();
        LocalDate day = at.atZone(BusinessTime.ZONE).toLocalDate();
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    private static long minutes(java.time.Duration d) {
        return Math.max(1, (d.toSeconds() + 59) / 60);
    }
}
