package anguan.domain.application;

import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.application.check.NoOtherApplicationInProgress;
import anguan.domain.application.check.SubmitChecks;
import anguan.domain.application.check.SubmitContext;
import anguan.domain.application.check.ViolationCode;
import anguan.domain.application.claim.ApplicationClaims;
import anguan.domain.application.claim.ClaimRepository;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import anguan.domain.common.Sequence;
import anguan.domain.common.Violation;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.enterprise.Uscc;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Person;
import anguan.domain.person.PersonProfile;
import anguan.domain.person.PersonRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 个人填报 and 签名上报: a person starts, edits, deletes and submits their applications. Every
 * application is prefilled from the registries; the applicant never types registry data.
 */
public final class ApplicationService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PERSON = "person";
    /** How long after a create its retry (or a second click) still means the same draft. */
    private static final Duration RETRY_WINDOW = Duration.ofMinutes(10);

    private final ApplicationRepository applications;
    private final ApplicationClaims claims;
    private final PersonRepository persons;
    private final EnterpriseRepository enterprises;
    private final CertificateRepository certificates;
    private final Sequence sequence;
    private final FormRenderer forms;
    private final DocumentStore documents;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, ClaimRepository claims, PersonRepository persons,
                              EnterpriseRepository enterprises, CertificateRepository certificates, Sequence sequence,
                              FormRenderer forms, DocumentStore documents, Clock clock) {
        this.applications = applications;
        this.claims = new ApplicationClaims(claims, applications);
        this.persons = persons;
        this.enterprises = enterprises;
        this.certificates = certificates;
        this.sequence = sequence;
        this.forms = forms;
        this.documents = documents;
        this.clock = clock;
    }

    /** GET /me. */
    public PersonProfile profile(String idNo) {
        Person person = persons.find(idNo).orElseThrow(() -> DomainProblem.notFound("未查询到您的从业人员登记信息，请联系聘用企业办理人员登记"));
        LocalDate today = today();
        List<PersonProfile.Employer> employers = persons.employments(idNo).stream()
                .filter(e -> e.isCurrentOn(today))
                .sorted(Comparator.comparing(Employment::since).reversed())
                .map(e -> new PersonProfile.Employer(e.uscc(), enterpriseName(e.uscc()), e.since(), e.until()))
                .toList();
        return new PersonProfile(person, employers, newestFirst(certificates.ofHolder(idNo)));
    }

    /** Starts a draft (个人填报), prefilled from the registries. */
    public Application create(String idNo, NewApplication request) {
        if (request.type() == null) {
            throw DomainProblem.validationFailed(List.of(new Violation("REQUIRED", "type", "请选择申请事项")));
        }
        ApplicantRecords records = new ApplicantRecords(idNo, persons, certificates);
        Person person = records.person().orElseThrow(() -> DomainProblem.validationFailed(
                List.of(ViolationCode.PERSON_NOT_REGISTERED.violation("idNo"))));
        LocalDate today = today();
        Instant now = clock.instant();
        Application.Builder draft = Application.builder()
                .type(request.type())
                .status(ApplicationStatus.DRAFT)
                .applicant(Applicants.of(person))
                .createdAt(now)
                .updatedAt(now)
                .version(1);
        switch (request.type()) {
            case FIRST_ISSUE -> {
                if (request.category() == null) {
                    throw DomainProblem.validationFailed(List.of(new Violation("REQUIRED", "category", "请选择申请的证书类别")));
                }
                draft.category(request.category()).position(request.position())
                        .enterprise(employer(records, request.uscc(), today)).photoKey(person.photoKey());
            }
            case TRANSFER_IN -> {
                if (request.originalCertificateNo() == null || request.originalCertificateNo().isBlank()) {
                    throw DomainProblem.validationFailed(List.of(new Violation("REQUIRED", "originalCertificateNo", "请填写外省市证书编号")));
                }
                draft.originalCertificateNo(CertificateNumber.normalize(request.originalCertificateNo()))
                        .position(request.position())
                        .enterprise(employer(records, request.uscc(), today)).photoKey(person.photoKey());
            }
            case EMPLOYER_CHANGE -> draft.enterprise(employer(records, request.uscc(), today));
            case RENEWAL, TRANSFER_OUT, CANCELLATION -> {
                Certificate certificate = ownCertificate(idNo, request.certificateNo());
                draft.certificates(List.of(certificate))
                        .category(certificate.category())
                        .position(certificate.position())
                        .photoKey(certificate.photoKey())
                        .enterprise(new ApplicationEnterprise(certificate.uscc(), certificate.enterpriseName(), null));
            }
        }
        Application prefilled = prefill(draft.build(), records, today);
        // A retried POST (its answer lost to a crash or a timeout) or a second click finds the draft
        // it stored: an untouched draft for the same thing, made minutes ago, is that draft, not a second one that would block the
        // first at 签名上报. The index may lag a retry of the same instant; then the person sees two
        // drafts and deletes one, nothing is lost.
        Optional<Application> twin = applications.ofApplicant(idNo).stream()
                .filter(existing -> !existing.createdAt().isBefore(now.minus(RETRY_WINDOW)))
                .filter(existing -> isUntouchedTwin(existing, prefilled)).findFirst();
        if (twin.isPresent()) {
            return twin.get();
        }
        String number = ApplicationNumber.format(today, sequence.next("application#" + DAY.format(today)));
        Application application = prefilled.toBuilder().applicationNo(number).build();
        applications.insert(application, event(application, now, idNo, Action.CREATED));
        return application;
    }

    public Page<Application> list(String idNo, ApplicationQuery query) {
        List<Application> mine = applications.ofApplicant(idNo).stream()
                .filter(a -> !a.isDeleted())
                .filter(a -> query.type() == null || a.type() == query.type())
                .filter(a -> query.status() == null || a.status() == query.status())
                .sorted(Comparator.comparing(Application::createdAt).reversed())
                .toList();
        return Page.of(mine, query.page(), query.size());
    }

    /** Someone else's application is reported as unknown: its existence is nobody else's business. */
    public Application get(String idNo, String applicationNo) {
        return Parties.applicantsOwn(applications, idNo, applicationNo);
    }

    public List<ApplicationEvent> events(String idNo, String applicationNo) {
        get(idNo, applicationNo);
        return applications.events(applicationNo);
    }

    /** 保存: only a draft, only over the version the person saw; clears a previous 签名上报. */
    public Application save(String idNo, String applicationNo, ApplicationChanges changes) {
        if (changes.version() == null) {
            throw DomainProblem.badRequest("缺少version：请提交您正在编辑的申请版本号");
        }
        Application current = get(idNo, applicationNo);
        if (!current.status().isEditable()) {
            throw DomainProblem.invalidState("申请已进入“" + current.status().displayName() + "”状态，不能再修改");
        }
        if (current.version() != changes.version()) {
            throw DomainProblem.concurrentUpdate();
        }
        Application.Builder next = current.toBuilder();
        List<Violation> violations = new ArrayList<>();
        if (changes.enterprisePhone() != null) {
            ApplicationEnterprise e = current.enterprise() == null ? new ApplicationEnterprise(null, null, null) : current.enterprise();
            next.enterprise(new ApplicationEnterprise(e.uscc(), e.name(), changes.enterprisePhone().strip()));
        }
        if (changes.consent() != null) {
            next.consent(changes.consent());
        }
        if (changes.position() != null) {
            if (current.type().picksPosition()) {
                next.position(changes.position());
            } else {
                violations.add(new Violation("FIELD_NOT_EDITABLE", "position", "该申请事项的职务取自证书，不能修改"));
            }
        }
        if (changes.cancelReason() != null || changes.cancelReasonText() != null) {
            if (current.type() == ApplicationType.CANCELLATION) {
                if (changes.cancelReason() != null) {
                    next.cancelReason(changes.cancelReason());
                }
                if (changes.cancelReasonText() != null) {
                    next.cancelReasonText(changes.cancelReasonText().strip());
                }
            } else {
                violations.add(new Violation("FIELD_NOT_EDITABLE", "cancelReason", "只有证书注销申请需要填写注销原因"));
            }
        }
        if (changes.uscc() != null) {
            if (current.type().enterpriseSource() == ApplicationType.EnterpriseSource.EMPLOYMENT) {
                String uscc = Uscc.normalize(changes.uscc());
                if (!Uscc.isValid(uscc)) {
                    violations.add(new Violation("INVALID_USCC", "uscc", "统一社会信用代码无效：" + Masking.echoed(changes.uscc())));
                } else {
                    String phone = changes.enterprisePhone() != null ? changes.enterprisePhone().strip()
                            : current.enterprise() == null ? null : current.enterprise().phone();
                    next.enterprise(new ApplicationEnterprise(uscc, enterpriseName(uscc), phone));
                }
            } else {
                violations.add(new Violation("FIELD_NOT_EDITABLE", "uscc", "该申请事项的企业取自证书，不能修改"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainProblem.validationFailed("保存失败", violations);
        }
        Instant now = clock.instant();
        Application saved = prefill(next.submittedAt(null).documents(List.of()).updatedAt(now).version(current.version() + 1).build(),
                new ApplicantRecords(idNo, persons, certificates), today());
        applications.update(saved, current.version(), event(saved, now, idNo, Action.SAVED));
        return saved;
    }

    /** The person may delete until the enterprise has signed. */
    public void delete(String idNo, String applicationNo) {
        Application current = get(idNo, applicationNo);
        if (!current.status().isDeletable()) {
            throw DomainProblem.invalidState("企业已签章上报，申请不能再删除");
        }
        Instant now = clock.instant();
        Application deleted = current.toBuilder().deletedAt(now).updatedAt(now).version(current.version() + 1).build();
        applications.update(deleted, current.version(), event(deleted, now, idNo, Action.DELETED));
        claims.release(deleted);
    }

    /**
     * 签名上报: runs every check and returns all violations together; on success records the
     * submission (status stays DRAFT). It renders and stores the 申请表 (see {@link #storeForm}).
     */
    public Application submit(String idNo, String applicationNo) {
        return submit(idNo, applicationNo, null);
    }

    /**
     * 签名上报 of the version the person's screen shows: when {@code seenVersion} is given and the
     * application has changed since (another tab, a second click), CONCURRENT_UPDATE and nothing
     * is written, as for a save.
     */
    public Application submit(String idNo, String applicationNo, Long seenVersion) {
        Application current = get(idNo, applicationNo);
        if (!current.status().isEditable()) {
            throw DomainProblem.invalidState("申请已进入“" + current.status().displayName() + "”状态，不能再签名上报");
        }
        if (seenVersion != null && seenVersion != current.version()) {
            throw DomainProblem.concurrentUpdate();
        }
        if (current.isSubmitted()) {
            // Submitted and unchanged since (a save clears the submission): a retried 签名上报 whose
            // answer was lost. It stands as it was recorded; doing it again would only record it twice.
            return current;
        }
        LocalDate today = today();
        ApplicantRecords records = new ApplicantRecords(idNo, persons, certificates);
        Application fresh = prefill(current, records, today);
        SubmitContext context = new SubmitContext(today, fresh, records.person(), records.employments(),
                fresh.enterprise() == null || fresh.enterprise().uscc() == null ? Optional.empty() : enterprises.find(fresh.enterprise().uscc()),
                records.exams(), records.certificates(), records.external(fresh.originalCertificateNo()),
                applications.ofApplicant(idNo));
        List<Violation> violations = SubmitChecks.run(context);
        if (!violations.isEmpty()) {
            throw DomainProblem.validationFailed(violations);
        }
        // The check above read the person's applications from an index that may lag; the claims decide races.
        Optional<Application> holder = claims.take(fresh, current.version());
        if (holder.isPresent()) {
            throw DomainProblem.validationFailed(List.of(NoOtherApplicationInProgress.inProgress(fresh.type(), holder.get())));
        }
        Instant now = clock.instant();
        long version = current.version() + 1;
        DocumentRef form = storeForm(fresh.toBuilder().submittedAt(now).version(version).build(), now);
        Application submitted = fresh.toBuilder().submittedAt(now).updatedAt(now).version(version)
                .documents(List.of(form)).build();
        applications.update(submitted, current.version(), event(submitted, now, idNo, Action.SUBMITTED));
        return submitted;
    }

    /**
     * Renders the 申请表 and stores it before the application that points at it (documents before
     * state). The key names the version the submit writes, so a submit retried after a crash
     * replaces its own half-done form instead of leaving a second one; the file name keeps the
     * moment the form was made, as DOMAIN.md names it.
     */
    private DocumentRef storeForm(Application submitted, Instant now) {
        byte[] photo = submitted.photoKey() == null ? null : documents.get(submitted.photoKey()).orElse(null);
        FormRenderer.RenderedForm form = forms.render(submitted, photo, now);
        String key = "applications/" + submitted.applicationNo() + "/v" + submitted.version() + "/form.pdf";
        documents.put(key, form.pdf(), "application/pdf");
        return new DocumentRef("form", form.fileName(), key);
    }

    /** A draft as {@link #create} left it, for the same application as {@code fresh} would be. */
    private static boolean isUntouchedTwin(Application existing, Application fresh) {
        return !existing.isDeleted() && existing.status() == ApplicationStatus.DRAFT && existing.version() == 1
                && !existing.isSubmitted() && existing.type() == fresh.type()
                && existing.category() == fresh.category() && existing.position() == fresh.position()
                && Objects.equals(existing.originalCertificateNo(), fresh.originalCertificateNo())
                && Objects.equals(uscc(existing), uscc(fresh))
                && existing.certificates().stream().map(Certificate::certificateNo).toList()
                        .equals(fresh.certificates().stream().map(Certificate::certificateNo).toList());
    }

    private static String uscc(Application a) {
        return a.enterprise() == null ? null : a.enterprise().uscc();
    }

    /**
     * Refreshes what the registries say: applicant, enterprise name, the certificates acted on,
     * the backing exams and the national record. What the person entered stays.
     */
    private Application prefill(Application a, ApplicantRecords records, LocalDate today) {
        Application.Builder b = a.toBuilder();
        Person person = records.person().orElse(null);
        if (person != null) {
            b.applicant(Applicants.of(person));
            if (a.type() == ApplicationType.FIRST_ISSUE || a.type() == ApplicationType.TRANSFER_IN) {
                b.photoKey(person.photoKey());
            }
        }
        String idNo = a.applicantIdNo();
        ApplicationEnterprise enterprise = a.enterprise();
        if ((enterprise == null || enterprise.uscc() == null)
                && a.type().enterpriseSource() == ApplicationType.EnterpriseSource.EMPLOYMENT) {
            // Started before the employment was registered: the only current employer files it now.
            // With several, the person must name one (EmploymentRegistered reports ENTERPRISE_REQUIRED).
            List<Employment> current = records.employments().stream().filter(e -> e.isCurrentOn(today)).toList();
            if (current.size() == 1) {
                enterprise = new ApplicationEnterprise(current.getFirst().uscc(), null, enterprise == null ? null : enterprise.phone());
            }
        }
        switch (a.type()) {
            case FIRST_ISSUE -> b.exams(exams(records, ExamType.INITIAL, a.category()));
            case TRANSFER_IN -> {
                Optional<ExternalCertificate> external = records.external(a.originalCertificateNo())
                        .filter(x -> x.idNo().equals(idNo));
                b.originalCertificate(external.orElse(null));
                b.category(external.map(ExternalCertificate::category).orElse(null));
            }
            case EMPLOYER_CHANGE -> {
                String target = enterprise == null ? null : enterprise.uscc();
                b.certificates(records.certificates().stream()
                        .filter(c -> c.isValidOn(today) && !Objects.equals(c.uscc(), target))
                        .sorted(Comparator.comparing(Certificate::certificateNo))
                        .toList());
                // The holder's certificates carry the same unchangeable photo; show the first there is.
                b.photoKey(b.build().certificates().stream().map(Certificate::photoKey).filter(Objects::nonNull)
                        .findFirst().orElse(null));
            }
            case RENEWAL, TRANSFER_OUT, CANCELLATION -> {
                List<Certificate> acted = a.certificates().stream()
                        .map(c -> records.certificates().stream().filter(x -> x.certificateNo().equals(c.certificateNo()))
                                .findFirst().orElse(c))
                        .toList();
                b.certificates(acted);
                if (!acted.isEmpty()) {
                    // The certificate's enterprise, as it stands now (a rename or a move changes it).
                    Certificate certificate = acted.getFirst();
                    b.enterprise(new ApplicationEnterprise(certificate.uscc(), certificate.enterpriseName(),
                            enterprise == null ? null : enterprise.phone()));
                }
                if (a.type() == ApplicationType.RENEWAL && !acted.isEmpty()) {
                    b.exams(exams(records, ExamType.CONTINUING, acted.getFirst().category()));
                }
            }
        }
        if (enterprise != null && enterprise.uscc() != null && a.type().enterpriseSource() == ApplicationType.EnterpriseSource.EMPLOYMENT) {
            b.enterprise(new ApplicationEnterprise(enterprise.uscc(), enterpriseName(enterprise.uscc()), enterprise.phone()));
        }
        return b.build();
    }

    private static List<ExamResult> exams(ApplicantRecords records, ExamType type, Category category) {
        return records.exams().stream()
                .filter(e -> e.passed() && e.examType() == type && e.category() == category)
                .sorted(Comparator.comparing(ExamResult::examDate).reversed())
                .toList();
    }

    /**
     * Which enterprise files an application that follows the person's employment: the one named,
     * else the only current one. Several and none named is a question back to the person. The
     * registered name is filled in by {@link #prefill}.
     */
    private static ApplicationEnterprise employer(ApplicantRecords records, String requestedUscc, LocalDate today) {
        if (requestedUscc != null && !requestedUscc.isBlank()) {
            String uscc = Uscc.normalize(requestedUscc);
            if (!Uscc.isValid(uscc)) {
                throw DomainProblem.validationFailed(List.of(new Violation("INVALID_USCC", "uscc", "统一社会信用代码无效：" + Masking.echoed(requestedUscc))));
            }
            return new ApplicationEnterprise(uscc, null, null);
        }
        List<Employment> current = records.employments().stream().filter(e -> e.isCurrentOn(today)).toList();
        if (current.size() > 1) {
            throw DomainProblem.validationFailed(List.of(ViolationCode.ENTERPRISE_REQUIRED.violation("uscc")));
        }
        return current.isEmpty() ? null : new ApplicationEnterprise(current.getFirst().uscc(), null, null);
    }

    private Certificate ownCertificate(String idNo, String certificateNo) {
        if (certificateNo == null || certificateNo.isBlank()) {
            throw DomainProblem.validationFailed(List.of(new Violation("REQUIRED", "certificateNo", "请选择要办理的证书")));
        }
        // Only well-formed numbers are ever stored (the migration and issuing refuse others).
        return CertificateNumber.parse(certificateNo).flatMap(no -> certificates.find(no.format()))
                .filter(c -> c.idNo().equals(idNo))
                .orElseThrow(() -> DomainProblem.notFound("未找到您名下的证书：" + Masking.echoed(certificateNo)));
    }

    private String enterpriseName(String uscc) {
        return enterprises.find(uscc).map(Enterprise::name).orElse(null);
    }

    private static ApplicationEvent event(Application application, Instant at, String idNo, Action action) {
        return new ApplicationEvent(application.applicationNo(), at, PERSON, idNo, action);
    }

    private LocalDate today() {
        return BusinessTime.today(clock);
    }

    private static List<Certificate> newestFirst(List<Certificate> list) {
        return list.stream().sorted(Comparator.comparing(Certificate::validFrom).reversed()).toList();
    }
}
