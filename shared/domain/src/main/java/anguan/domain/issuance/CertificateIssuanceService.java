package anguan.domain.issuance;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.claim.ApplicationClaims;
import anguan.domain.application.claim.ClaimRepository;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ECertificateFace;
import anguan.domain.certificate.ECertificateRenderer;
import anguan.domain.certificate.ECertificateRenderer.RenderedCertificate;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.LicenceId;
import anguan.domain.certificate.Validity;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.Sequence;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.enterprise.Uscc;
import anguan.domain.notification.Notice;
import anguan.domain.notification.NoticeQueue;
import anguan.domain.notification.NoticeTexts;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The effect of an approved application (DOMAIN.md, the six applications' "effect on approval"),
 * applied by the certificate queue's consumer: new numbers, renewals, employer changes, transfers and
 * cancellations, with the e-certificates they (re)issue and the person's notices.
 *
 * <p>Delivered at least once and without transactions (DESIGN.md, State and consistency), so every
 * step is a single conditional write that a redelivery recognises as done:
 * <ul>
 *   <li>a new number is drawn from the per-category-per-year counter and recorded on the application
 *       (over the version read) before the certificate is written, so a retry reuses it; the
 *       certificate is inserted only where its number is free, and a clash with a migrated
 *       certificate draws the next serial, recorded again;</li>
 *   <li>each change of a certificate is an update over the version read; a retry compares the stored
 *       certificate with the change and skips what is already there, so nothing is applied twice;</li>
 *   <li>the OFD goes to the document store, under a key naming the number and the 证照标识 version,
 *       before the certificate points at it; the renderer is fed only values fixed by the
 *       application, so a retry writes the same file under the same key;</li>
 *   <li>last, the notices go to the queue and the application is marked done, with its trail's line
 *       (证书发放, 证书转出 or 证书注销, by the system) in the same conditional write, so a later
 *       delivery writes nothing and the line is there exactly once;</li>
 *   <li>then the application's claims (不得重复申请) are released: until the effect was applied they
 *       kept a second application for the same certificate out ({@link ApplicationClaims}); a
 *       redelivery after a crash before the release finishes it.</li>
 * </ul>
 * A counter may run ahead after a crash (a drawn serial never recorded is a gap): there is nothing
 * to hand it back to.
 */
public final class CertificateIssuanceService {
    /** 发证机关 on every e-certificate. */
    public static final String ISSUER = "上海市住房和城乡建设管理委员会";
    private static final String OFD = "application/ofd";
    /** Writes lost to a concurrent writer are read again and retried this often before the queue retries. */
    private static final int ATTEMPTS = 5;
    /** The trail's actor role of what no person did. */
    private static final String SYSTEM = "system";

    private final ApplicationRepository applications;
    private final ApplicationClaims claims;
    private final CertificateRepository certificates;
    private final PersonRepository persons;
    private final EnterpriseRepository enterprises;
    private final Sequence sequence;
    private final ECertificateRenderer renderer;
    private final DocumentStore documents;
    private final NoticeQueue notices;
    private final String issuerUscc;
    private final String verificationBaseUrl;
    private final Clock clock;

    /**
     * @param issuerUscc          the authority's USCC, part of every 证照标识 (configuration)
     * @param verificationBaseUrl the public verification page; the certificate number is appended (the QR code's content)
     */
    public CertificateIssuanceService(ApplicationRepository applications, ClaimRepository claims, CertificateRepository certificates,
                                      PersonRepository persons,
                                      EnterpriseRepository enterprises, Sequence sequence, ECertificateRenderer renderer,
                                      DocumentStore documents, NoticeQueue notices, String issuerUscc, String verificationBaseUrl,
                                      Clock clock) {
        if (!Uscc.isValid(issuerUscc)) {
            throw new IllegalArgumentException("the issuer USCC is not a valid USCC");
        }
        if (verificationBaseUrl == null || verificationBaseUrl.isBlank()) {
            throw new IllegalArgumentException("the public verification base URL is required");
        }
        this.applications = applications;
        this.claims = new ApplicationClaims(claims, applications);
        this.certificates = certificates;
        this.persons = persons;
        this.enterprises = enterprises;
        this.sequence = sequence;
        this.renderer = renderer;
        this.documents = documents;
        this.notices = notices;
        this.issuerUscc = issuerUscc;
        this.verificationBaseUrl = verificationBaseUrl.endsWith("/") ? verificationBaseUrl : verificationBaseUrl + "/";
        this.clock = clock;
    }

    /**
     * Applies the effect of the ordered application's approval, or what is left of it after an
     * earlier delivery died half-way.
     *
     * @throws NotYetDue when the application is still UNDER_REVIEW: the order overtook the decision's write
     */
    public IssueOutcome apply(IssueOrder order) {
        Optional<Application> found = applications.find(order.applicationNo());
        if (found.isEmpty() || found.get().isDeleted()) {
            return IssueOutcome.DROPPED;
        }
        Application application = found.get();
        if (application.isEffectApplied()) {
            claims.release(application); // finishes what a delivery that died after marking it left
            return IssueOutcome.ALREADY_APPLIED;
        }
        if (application.status() == ApplicationStatus.UNDER_REVIEW) {
            throw new NotYetDue(application.applicationNo());
        }
        if (application.status() != ApplicationStatus.APPROVED || application.decidedAt() == null) {
            return IssueOutcome.DROPPED;
        }
        LocalDate approved = application.decidedAt().atZone(BusinessTime.ZONE).toLocalDate();
        List<Notice> told = new ArrayList<>();
        Application filed = application;
        switch (application.type()) {
            case FIRST_ISSUE -> application = issueNew(application, approved, told);
            case TRANSFER_IN -> {
                markNationalRecordUsed(application);
                application = issueNew(application, approved, told);
            }
            case RENEWAL -> reissueEach(application, approved, told, stored -> renewed(stored, filed.certificates()));
            case EMPLOYER_CHANGE -> reissueEach(application, approved, told, stored -> movedTo(stored, filed));
            case TRANSFER_OUT -> withdrawEach(application, CertificateStatus.TRANSFERRED_OUT);
            case CANCELLATION -> withdrawEach(application, CertificateStatus.CANCELLED);
        }
        told.forEach(notices::publish);
        Instant now = clock.instant();
        Application applied = application.toBuilder().effectAppliedAt(now).version(application.version() + 1).build();
        applications.update(applied, application.version(),
                new ApplicationEvent(application.applicationNo(), now, SYSTEM, issuerUscc, trailAction(application.type())));
        claims.release(applied);
        return IssueOutcome.APPLIED;
    }

    /** The trail's line for the effect: the certificate issued, transferred out or cancelled. */
    private static ApplicationEvent.Action trailAction(ApplicationType type) {
        return switch (type) {
            case FIRST_ISSUE, TRANSFER_IN, RENEWAL, EMPLOYER_CHANGE -> ApplicationEvent.Action.CERTIFICATE_ISSUED;
            case TRANSFER_OUT -> ApplicationEvent.Action.CERTIFICATE_TRANSFERRED_OUT;
            case CANCELLATION -> ApplicationEvent.Action.CERTIFICATE_CANCELLED;
        };
    }

    // ---- 考核发证, 进沪换证: a new 沪 number ----

    /** @return the application as last written (with the numbers it drew) */
    private Application issueNew(Application application, LocalDate approved, List<Notice> told) {
        Application current = application;
        while (true) {
            if (current.issued().isEmpty()) {
                current = recordNextNumber(current, approved);
            }
            String number = current.issued().getLast();
            Certificate target = newCertificate(current, number, approved);
            Optional<Versioned<Certificate>> stored = certificates.findVersioned(number);
            if (stored.isEmpty()) {
                target = storeOfd(target, current, approved);
                if (certificates.insert(target)) {
                    break;
                }
                stored = certificates.findVersioned(number);
            }
            if (stored.isPresent() && isTheOneIssued(stored.get().value(), target)) {
                break;
            }
            // A migrated certificate holds this number: take the next serial and record it too.
            current = recordNextNumber(current, approved);
        }
        String number = current.issued().getLast();
        mobileOf(current).ifPresent(mobile -> told.add(NoticeTexts.certificateReady(application, number, mobile, clock.instant())));
        return current;
    }

    /** Draws the next serial of the category in the year of approval and records it on the application first. */
    private Application recordNextNumber(Application application, LocalDate approved) {
        long serial = sequence.next("certificate#" + application.category().code() + "#" + approved.getYear());
        String number = CertificateNumber.shanghai(application.category(), approved.getYear(), Math.toIntExact(serial)).format();
        List<String> issued = new ArrayList<>(application.issued());
        issued.add(number);
        Application recorded = application.toBuilder().issued(issued).version(application.version() + 1).build();
        applications.update(recorded, application.version());
        return recorded;
    }

    /**
     * The certificate the approval creates, from values fixed on the application (the holder as the
     * registry had them when the application was filed, its photo, its enterprise), so that a retry
     * builds the same one: first issue from the approval date; a transfer keeps the national validity.
     */
    private Certificate newCertificate(Application application, String number, LocalDate approved) {
        LocalDate from = approved;
        LocalDate to = Validity.validTo(approved);
        if (application.type() == ApplicationType.TRANSFER_IN) {
            ExternalCertificate original = nationalRecord(application).value();
            from = original.validFrom();
            to = original.validTo();
        }
        String name = application.applicant().name();
        String enterpriseName = enterpriseName(application);
        Certificate certificate = new Certificate(number, application.applicantIdNo(), name, application.category(),
                application.position(), application.enterprise().uscc(), enterpriseName, approved, from, to,
                CertificateStatus.VALID, application.photoKey(), 0, null, null, null);
        return nextFile(certificate);
    }

    /**
     * Whether the certificate stored under the number is the one this application issued (a retry
     * after the insert) rather than a migrated one: same holder, category and first-issue date.
     * Compared by identity, not in full, since a rename may have touched it since.
     */
    private static boolean isTheOneIssued(Certificate stored, Certificate target) {
        return stored.idNo().equals(target.idNo()) && stored.category() == target.category()
                && target.firstIssueDate().equals(stored.firstIssueDate()) && target.validFrom().equals(stored.validFrom());
    }

    /** 进沪换证: the national record is exchanged once; marked before the number is drawn, over the version read. */
    private void markNationalRecordUsed(Application application) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Versioned<ExternalCertificate> read = nationalRecord(application);
            if (application.applicationNo().equals(read.value().usedBy())) {
                return;
            }
            if (read.value().isUsed()) {
                throw new IllegalStateException("the national record of " + application.applicationNo()
                        + " was exchanged by " + read.value().usedBy());
            }
            if (certificates.updateExternal(read.value().markedUsedBy(application.applicationNo()), read.version())) {
                return;
            }
        }
        throw new IllegalStateException("the national record of " + application.applicationNo() + " keeps changing");
    }

    private Versioned<ExternalCertificate> nationalRecord(Application application) {
        return certificates.findExternalVersioned(CertificateNumber.normalize(application.originalCertificateNo()))
                .orElseThrow(() -> new IllegalStateException("the national record of " + application.applicationNo() + " is gone"));
    }

    // ---- 证书延期, 省内变更受聘企业: the same number, a new file ----

    /**
     * Each listed certificate changed by {@code change}, which answers null when the stored
     * certificate already shows the change (a retry) and nothing is to be written.
     */
    private void reissueEach(Application application, LocalDate approved, List<Notice> told, UnaryOperator<Certificate> change) {
        for (Certificate listed : application.certificates()) {
            String number = listed.certificateNo();
            for (int attempt = 0; ; attempt++) {
                Versioned<Certificate> stored = stored(application, number);
                Certificate changed = change.apply(stored.value());
                if (changed == null) {
                    break;
                }
                Certificate target = storeOfd(nextFile(changed), application, approved);
                if (certificates.update(target, stored.version())) {
                    break;
                }
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("certificate " + number + " keeps changing");
                }
            }
            mobileOf(application).ifPresent(mobile -> told.add(NoticeTexts.certificateReissued(application, number, mobile, clock.instant())));
        }
    }

    /** Renewed: validFrom = the old validTo + 1 day, three years on; null when already renewed. */
    private static Certificate renewed(Certificate stored, List<Certificate> asFiled) {
        LocalDate oldValidTo = asFiled.stream().filter(c -> c.certificateNo().equals(stored.certificateNo())).findFirst()
                .map(Certificate::validTo).orElse(stored.validTo());
        LocalDate from = Validity.renewedValidFrom(oldValidTo);
        LocalDate to = Validity.validTo(from);
        if (stored.validFrom().equals(from) && stored.validTo().equals(to)) {
            return null;
        }
        return stored.validBetween(from, to);
    }

    /** At the new enterprise, validity unchanged; null when already there or withdrawn since. */
    private Certificate movedTo(Certificate stored, Application application) {
        String uscc = application.enterprise().uscc();
        String name = enterpriseName(application);
        if (stored.status().isWithdrawn() || (uscc.equals(stored.uscc()) && name.equals(stored.enterpriseName()))) {
            return null;
        }
        return stored.withEnterprise(uscc, name);
    }

    // ---- 离沪变更, 证书注销: withdrawn, no new file ----

    private void withdrawEach(Application application, CertificateStatus withdrawn) {
        for (Certificate listed : application.certificates()) {
            for (int attempt = 0; ; attempt++) {
                Versioned<Certificate> stored = stored(application, listed.certificateNo());
                Certificate c = stored.value();
                if (c.status() == withdrawn || certificates.update(c.withStatus(withdrawn), stored.version())) {
                    break;
                }
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("certificate " + listed.certificateNo() + " keeps changing");
                }
            }
        }
    }

    // ---- the e-certificate ----

    /** The certificate pointing at its next file: the next 证照标识 version, its id and key (the file name comes with the file). */
    private Certificate nextFile(Certificate c) {
        int version = Math.max(c.licenceVersion(), 0) + 1;
        CertificateNumber number = CertificateNumber.parse(c.certificateNo())
                .orElseThrow(() -> new IllegalStateException("not a certificate number: " + c.certificateNo()));
        String key = "certificates/" + c.certificateNo() + "/" + "%03d".formatted(version) + ".ofd";
        return c.withFile(version, LicenceId.of(issuerUscc, number, version), null, key);
    }

    /**
     * Renders the certificate's file and stores it under its key, before the certificate that points
     * at it is written.
     *
     * @return the certificate with the file name the renderer gave the file
     */
    private Certificate storeOfd(Certificate target, Application application, LocalDate approved) {
        byte[] photo = target.photoKey() == null ? null : documents.get(target.photoKey()).orElse(null);
        var holder = application.applicant();
        ECertificateFace face = new ECertificateFace(target.certificateNo(), target.name(), holder.gender(), holder.birthDate(),
                holder.idType(), target.idNo(), target.enterpriseName(), target.uscc(), target.position(), target.category(),
                target.firstIssueDate(), target.validFrom(), target.validTo(), ISSUER, approved, photo,
                verificationBaseUrl + URLEncoder.encode(target.certificateNo(), StandardCharsets.UTF_8), target.licenceId());
        RenderedCertificate rendered = renderer.render(face);
        documents.put(target.ofdKey(), rendered.ofd(), OFD);
        return target.withFile(target.licenceVersion(), target.licenceId(), rendered.fileName(), target.ofdKey());
    }

    // ---- reading ----

    private Versioned<Certificate> stored(Application application, String number) {
        return certificates.findVersioned(number).orElseThrow(() -> new IllegalStateException(
                "certificate " + number + " of " + application.applicationNo() + " is gone"));
    }

    /** The enterprise's name as filed; the registry's where the application carries none. */
    private String enterpriseName(Application application) {
        String name = application.enterprise().name();
        if (name != null && !name.isBlank()) {
            return name;
        }
        return enterprises.find(application.enterprise().uscc()).map(Enterprise::name)
                .orElseThrow(() -> new IllegalStateException("the enterprise of " + application.applicationNo() + " is not registered"));
    }

    /** The registry's mobile: a person without one is simply not told. */
    private Optional<String> mobileOf(Application application) {
        return persons.find(application.applicantIdNo()).map(Person::mobile).filter(m -> !m.isBlank());
    }
}
