package anguan.domain.signing;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.DocumentRef;
import anguan.domain.application.Parties;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DocumentStore;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.notification.NoticeQueue;
import anguan.domain.notification.NoticeTexts;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * 个人签名: the person asks for an SMS code for the submitted form and signs it with the code.
 *
 * <p>Steps and what a retry after a crash at each finds (no transactions; each write is conditional):
 * <ol>
 * <li>the day's count for the mobile is taken (at most 10);</li>
 * <li>the challenge is written (only a salted hash of the code);</li>
 * <li>its SMS goes to the notice queue (the notifier sends each notice id once), the trail gets
 *     SMS_SENT, the challenge is marked announced. A retry that finds the challenge not yet
 *     announced hands over the same SMS again (the code is derived from the salt) instead of
 *     refusing it for the 90 seconds, so a crash never leaves a person without a code;</li>
 * <li>a right code marks the challenge used, then the form is signed and stored, the enterprise's
 *     notice handed over (due only once the signature is recorded), and the application moves to
 *     AWAITING_ENTERPRISE with its event, over the version read. A retry with the same code after a
 *     crash past the used mark resumes; after the last write it answers the signed application.</li>
 * </ol>
 */
public final class PersonalSigningService {
    private static final String PERSON = "person";

    private final ApplicationRepository applications;
    private final PersonRepository persons;
    private final EnterpriseRepository enterprises;
    private final SmsChallengeRepository challenges;
    private final SmsQuota quota;
    private final FormSigner signer;
    private final DocumentStore documents;
    private final NoticeQueue notices;
    private final byte[] smsSecret;
    private final RandomGenerator random;
    private final Clock clock;

    public PersonalSigningService(ApplicationRepository applications, PersonRepository persons, EnterpriseRepository enterprises,
                                  SmsChallengeRepository challenges, SmsQuota quota, FormSigner signer, DocumentStore documents,
                                  NoticeQueue notices, byte[] smsSecret, RandomGenerator random, Clock clock) {
        this.applications = applications;
        this.persons = persons;
        this.enterprises = enterprises;
        this.challenges = challenges;
        this.quota = quota;
        this.signer = signer;
        this.documents = documents;
        this.notices = notices;
        this.smsSecret = smsSecret.clone();
        this.random = random;
        this.clock = clock;
    }

    /** What POST …/sms-codes answers: where the code went, and the timings the screen shows. */
    public record SmsSent(String mobile, String fileName, Instant expiresAt, Instant resendAt) {
    }

    /** POST /applications/{no}/sms-codes. */
    public SmsSent requestCode(String idNo, String applicationNo) {
        Application application = Parties.applicantsOwn(applications, idNo, applicationNo);
        DocumentRef form = submittedForm(application, "获取短信验证码");
        Person person = persons.find(idNo).orElseThrow(() -> DomainProblem.refused("PERSON_NOT_REGISTERED",
                "未查询到您的从业人员登记信息，请联系聘用企业办理人员登记"));
        if (person.mobile() == null || person.mobile().isBlank()) {
            throw DomainProblem.refused("MOBILE_MISSING", "从业人员登记信息中没有您的手机号码，无法发送验证码，请联系聘用企业补充登记");
        }
        Instant now = clock.instant();
        Optional<Versioned<SmsChallenge>> current = challenges.current(applicationNo);
        if (current.isPresent() && !current.get().value().isAnnounced()
                && current.get().value().applicationVersion() == application.version()
                && current.get().value().mobile().equals(person.mobile())) {
            // A request that died after storing its challenge: its SMS goes now, once.
            return announce(current.get().value(), current.get().value().code(smsSecret), current.get().version(), idNo, now);
        }
        SmsSending.checkResend(current.map(Versioned::value), now);
        LocalDate today = BusinessTime.today(clock);
        if (!quota.take(person.mobile(), today, SmsCodePolicy.PER_MOBILE_PER_DAY)) {
            throw SmsSending.dailyLimitReached(now, nextDay(now));
        }
        SmsChallenge.Issued issued = SmsChallenge.issue(applicationNo, application.version(), person.mobile(), form.fileName(),
                now, random, smsSecret);
        boolean stored = current.isPresent()
                ? challenges.update(issued.challenge(), current.get().version())
                : challenges.insert(issued.challenge());
        if (!stored) {
            // Another request for this application stored its code first: that one is on its way.
            throw DomainProblem.tooManyRequests("TOO_MANY_REQUESTS", "验证码已发送，请稍后再重新获取", SmsCodePolicy.RESEND_AFTER);
        }
        return announce(issued.challenge(), issued.code(), current.map(v -> v.version() + 1).orElse(1L), idNo, now);
    }

    private SmsSent announce(SmsChallenge challenge, String code, long storedVersion, String idNo, Instant now) {
        notices.publish(NoticeTexts.smsCode(challenge, code));
        applications.append(new ApplicationEvent(challenge.applicationNo(), challenge.sentAt(), PERSON, idNo, Action.SMS_SENT));
        // Losing this mark to a race only means a later request hands the same notice over again.
        challenges.update(challenge.announced(now), storedVersion);
        return new SmsSent(challenge.mobile(), challenge.fileName(), challenge.expiresAt(), challenge.sentAt().plus(SmsCodePolicy.RESEND_AFTER));
    }

    /** POST /applications/{no}/personal-signature. */
    public Application sign(String idNo, String applicationNo, String smsCode) {
        Application application = Parties.applicantsOwn(applications, idNo, applicationNo);
        Optional<Versioned<SmsChallenge>> current = challenges.current(applicationNo);
        if (application.status() != ApplicationStatus.DRAFT) {
            if (application.status() == ApplicationStatus.AWAITING_ENTERPRISE && current.isPresent()
                    && current.get().value().usedAt() != null && current.get().value().matches(smsCode)) {
                // The same signature asked again (its answer was lost): it stands as recorded; the
                // enterprise's notice is handed over again in case the first try died before it.
                tellEnterprise(application, clock.instant());
                return application;
            }
            throw DomainProblem.invalidState("申请已进入“" + application.status().displayName() + "”状态，不能再个人签名");
        }
        DocumentRef form = submittedForm(application, "个人签名");
        if (current.isEmpty()) {
            throw DomainProblem.refused("SMS_CODE_REQUIRED", "请先获取短信验证码");
        }
        SmsChallenge challenge = current.get().value();
        Instant now = clock.instant();
        if (challenge.applicationVersion() != application.version()) {
            throw DomainProblem.refused("SMS_CODE_EXPIRED", "申请已重新签名上报，之前的验证码已失效，请重新获取");
        }
        boolean resuming = challenge.usedAt() != null && challenge.matches(smsCode);
        if (!resuming) {
            SmsChallenge.Attempt attempt = challenge.attempt(smsCode, now);
            switch (attempt.outcome()) {
                case EXPIRED -> throw DomainProblem.refused("SMS_CODE_EXPIRED", "验证码已过期（有效期30分钟），请重新获取");
                case USED -> throw DomainProblem.refused("SMS_CODE_USED", "验证码已使用或已失效，请重新获取");
                case WRONG, VOIDED -> {
                    if (!challenges.update(attempt.after(), current.get().version())) {
                        throw DomainProblem.concurrentUpdate();
                    }
                    applications.append(new ApplicationEvent(applicationNo, now, PERSON, idNo, Action.SMS_CODE_WRONG));
                    if (attempt.outcome() == SmsChallenge.Attempt.Outcome.VOIDED) {
                        throw DomainProblem.refused("SMS_CODE_USED", "验证码已连续输错" + SmsCodePolicy.WRONG_TRIES + "次而失效，请重新获取");
                    }
                    throw DomainProblem.wrongAttempt("SMS_CODE_INVALID",
                            "验证码错误，还可尝试" + attempt.after().attemptsLeft() + "次", attempt.after().attemptsLeft());
                }
                case ACCEPTED -> {
                    if (!challenges.update(attempt.after(), current.get().version())) {
                        // another try of this code landed first: that one signs
                        throw DomainProblem.concurrentUpdate();
                    }
                }
            }
        }
        return signWithUnlockedKey(application, form, idNo, now);
    }

    private Application signWithUnlockedKey(Application application, DocumentRef form, String idNo, Instant now) {
        byte[] unsigned = documents.get(form.key())
                .orElseThrow(() -> new IllegalStateException("the submitted form of " + application.applicationNo() + " is missing"));
        Person person = persons.find(idNo).orElseThrow(() -> DomainProblem.refused("PERSON_NOT_REGISTERED",
                "未查询到您的从业人员登记信息，请联系聘用企业办理人员登记"));
        byte[] image = person.signatureImageKey() == null ? null : documents.get(person.signatureImageKey()).orElse(null);
        byte[] signed = signer.signAsPerson(unsigned, new FormSigner.PersonSignatory(idNo, application.applicant().name(), image), now);
        long version = application.version() + 1;
        // One key per signed version: a retry replaces its own file. Two signings of one version at
        // once (only one of them can then be recorded) store equally valid signatures of this person over the same form.
        String key = "applications/" + application.applicationNo() + "/v" + version + "/form-signed.pdf";
        documents.put(key, signed, "application/pdf");
        List<DocumentRef> docs = new ArrayList<>();
        for (DocumentRef d : application.documents()) {
            docs.add(d.kind().equals("form") ? new DocumentRef("form", d.fileName(), key) : d);
        }
        Application next = application.toBuilder().status(ApplicationStatus.AWAITING_ENTERPRISE).personalSignedAt(now)
                .updatedAt(now).version(version).documents(docs).build();
        tellEnterprise(next, now);
        applications.update(next, application.version(), new ApplicationEvent(application.applicationNo(), now, PERSON, idNo,
                Action.PERSONAL_SIGNED));
        return next;
    }

    /** The enterprise's contact mobile is told (DOMAIN.md); without one it is simply not told. */
    private void tellEnterprise(Application signed, Instant now) {
        if (signed.enterprise() == null || signed.enterprise().uscc() == null) {
            return;
        }
        enterprises.find(signed.enterprise().uscc())
                .map(anguan.domain.enterprise.Enterprise::contactMobile)
                .filter(m -> !m.isBlank())
                .ifPresent(mobile -> notices.publish(NoticeTexts.awaitingEnterprise(signed, mobile, now)));
    }

    /** The form of the current 签名上报; without one there is nothing to sign yet. */
    private static DocumentRef submittedForm(Application application, String what) {
        if (application.status() != ApplicationStatus.DRAFT || !application.isSubmitted()) {
            throw DomainProblem.invalidState(application.status() == ApplicationStatus.DRAFT
                    ? "请先签名上报（生成申请表），再" + what
                    : "申请已进入“" + application.status().displayName() + "”状态，不能再" + what);
        }
        return application.documents().stream().filter(d -> d.kind().equals("form")).findFirst()
                .orElseThrow(() -> DomainProblem.invalidState("申请表尚未生成，请重新签名上报"));
    }

    private Instant nextDay(Instant now) {
        return BusinessTime.today(clock).plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant();
    }
}
