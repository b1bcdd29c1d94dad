package anguan.domain.signing;

import static anguan.domain.signing.SigningTestbed.ENTERPRISE_MOBILE;
import static anguan.domain.signing.SigningTestbed.LI_ID;
import static anguan.domain.signing.SigningTestbed.NOW;
import static anguan.domain.signing.SigningTestbed.ZHANG_ID;
import static anguan.domain.signing.SigningTestbed.ZHANG_MOBILE;
import static anguan.domain.signing.SigningTestbed.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationChanges;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.DocumentRef;
import anguan.domain.application.NewApplication;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.notification.Notice;
import anguan.domain.testing.TextSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 个人签名 (DOMAIN.md, Signing): the SMS code and the personal signature. */
class PersonalSigningTest {
    private final SigningTestbed bed = new SigningTestbed();

    private List<ApplicationEvent.Action> trail(Application a) {
        return bed.registry.applicationRepository().events(a.applicationNo()).stream().map(ApplicationEvent::action).toList();
    }

    @Test
    void aCodeGoesToTheRegistryMobileNamingTheFormAndOnlyItsHashIsStored() {
        Application submitted = bed.submitted();

        PersonalSigningService.SmsSent sent = bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());

        String form = submitted.documents().getFirst().fileName();
        assertEquals(ZHANG_MOBILE, sent.mobile());
        assertEquals(form, sent.fileName());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), sent.expiresAt());
        assertEquals(NOW.plusSeconds(90), sent.resendAt());
        Notice sms = bed.registry.notices().getFirst();
        assertEquals(ZHANG_MOBILE, sms.mobile());
        assertTrue(sms.text().contains("《" + form + "》"), sms.text());
        String code = bed.lastCode(ZHANG_MOBILE);
        SmsChallenge stored = bed.registry.smsChallengeRepository().current(submitted.applicationNo()).orElseThrow().value();
        assertFalse(stored.codeHash().contains(code) || stored.toString().contains(code) || sms.toString().contains(code));
        assertTrue(stored.isAnnounced());
        assertEquals(ApplicationEvent.Action.SMS_SENT, trail(submitted).getLast());
    }

    @Test
    void withoutACurrentSubmitThereIsNothingToSignYet() {
        Application draft = bed.applications.create(ZHANG_ID,
                new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));

        DomainProblem p = assertThrows(DomainProblem.class, () -> bed.personal.requestCode(ZHANG_ID, draft.applicationNo()));

        assertEquals(DomainProblem.Kind.INVALID_STATE, p.kind());
        assertTrue(bed.registry.notices().isEmpty());
    }

    @Test
    void anotherCodeOnlyAfterNinetySecondsAndThenTheOldOneNoLongerSigns() {
        Application submitted = bed.submitted();
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        String first = bed.lastCode(ZHANG_MOBILE);
        bed.clock.advance(Duration.ofSeconds(60));

        DomainProblem early = assertThrows(DomainProblem.class, () -> bed.personal.requestCode(ZHANG_ID, submitted.applicationNo()));
        assertEquals(DomainProblem.Kind.TOO_MANY_REQUESTS, early.kind());
        assertEquals(Duration.ofSeconds(30), early.retryAfter().orElseThrow());

        bed.clock.advance(Duration.ofSeconds(30));
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        String second = bed.lastCode(ZHANG_MOBILE);
        if (!second.equals(first)) {
            DomainProblem old = assertThrows(DomainProblem.class, () -> bed.personal.sign(ZHANG_ID, submitted.applicationNo(), first));
            assertEquals("SMS_CODE_INVALID", old.code());
        }
        assertEquals(ApplicationStatus.AWAITING_ENTERPRISE, bed.personal.sign(ZHANG_ID, submitted.applicationNo(), second).status());
    }

    @Test
    void tenCodesADayPerMobileThenNotBeforeTomorrow() {
        Application submitted = bed.submitted();
        for (int i = 0; i < SmsCodePolicy.PER_MOBILE_PER_DAY; i++) {
            bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
            bed.clock.advance(Duration.ofSeconds(91));
        }

        DomainProblem p = assertThrows(DomainProblem.class, () -> bed.personal.requestCode(ZHANG_ID, submitted.applicationNo()));

        assertEquals(DomainProblem.Kind.TOO_MANY_REQUESTS, p.kind());
        Instant midnight = Instant.parse("2026-11-27T16:00:00Z");
        assertEquals(Duration.between(bed.clock.instant(), midnight), p.retryAfter().orElseThrow());
        assertEquals(10, bed.registry.notices().size());
        bed.clock.set(midnight);
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        assertEquals(11, bed.registry.notices().size());
    }

    @Test
    void theRightCodeSignsTheFormAndTheEnterpriseIsTold() {
        Application submitted = bed.submitted();
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        bed.clock.advance(Duration.ofMinutes(5));

        Application signed = bed.personal.sign(ZHANG_ID, submitted.applicationNo(), bed.lastCode(ZHANG_MOBILE));

        assertEquals(ApplicationStatus.AWAITING_ENTERPRISE, signed.status());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), signed.personalSignedAt());
        DocumentRef form = signed.documents().getFirst();
        assertEquals(submitted.documents().getFirst().fileName(), form.fileName());
        assertNotEquals(submitted.documents().getFirst().key(), form.key(), "the unsigned form stays as it was");
        assertTrue(TextSignatures.text(bed.registry.get(form.key()).orElseThrow()).contains("signed by person " + ZHANG_ID + " 张三 (seal)"));
        assertEquals(signed, bed.registry.applicationRepository().find(signed.applicationNo()).orElseThrow());
        Notice told = bed.registry.notices().stream().filter(n -> n.mobile().equals(ENTERPRISE_MOBILE)).findFirst().orElseThrow();
        assertTrue(told.text().contains("张三") && told.text().contains(signed.applicationNo()) && !told.text().contains(ZHANG_ID), told.text());
        assertEquals(Notice.Requires.PERSONALLY_SIGNED, told.requires());
        assertEquals(ApplicationEvent.Action.PERSONAL_SIGNED, trail(signed).getLast());
    }

    @Test
    void eachWrongCodeCountsTheFifthVoidsItAndThenEvenTheRightOneIsUsed() {
        Application submitted = bed.submitted();
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        String code = bed.lastCode(ZHANG_MOBILE);
        for (int left = 4; left >= 1; left--) {
            bed.clock.advance(Duration.ofSeconds(3));
            DomainProblem p = assertThrows(DomainProblem.class, () -> bed.personal.sign(ZHANG_ID, submitted.applicationNo(), wrong(code)));
            assertEquals("SMS_CODE_INVALID", p.code());
            assertEquals(left, p.attemptsLeft().orElseThrow());
        }
        bed.clock.advance(Duration.ofSeconds(3));
        DomainProblem fifth = assertThrows(DomainProblem.class, () -> bed.personal.sign(ZHANG_ID, submitted.applicationNo(), wrong(code)));
        assertEquals("SMS_CODE_USED", fifth.code());

        DomainProblem right = assertThrows(DomainProblem.class, () -> bed.personal.sign(ZHANG_ID, submitted.applicationNo(), code));

        assertEquals("SMS_CODE_USED", right.code());
        assertEquals(5, trail(submitted).stream().filter(a -> a == ApplicationEvent.Action.SMS_CODE_WRONG).count());
        assertEquals(ApplicationStatus.DRAFT, bed.registry.applicationRepository().find(submitted.applicationNo()).orElseThrow().status());
    }

    @Test
    void aCodeThirtyMinutesOldHasExpired() {
        Application submitted = bed.submitted();
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        bed.clock.advance(Duration.ofMinutes(30));

        DomainProblem p = assertThrows(DomainProblem.class, () -> bed.personal.sign(ZHANG_ID, submitted.applicationNo(), bed.lastCode(ZHANG_MOBILE)));

        assertEquals("SMS_CODE_EXPIRED", p.code());
    }

    @Test
    void aCodeSentBeforeTheFormWasSubmittedAgainSignsNothing() {
        Application submitted = bed.submitted();
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        Application saved = bed.applications.save(ZHANG_ID, submitted.applicationNo(),
                new ApplicationChanges("021-87654321", null, null, null, null, null, submitted.version()));
        bed.applications.submit(ZHANG_ID, saved.applicationNo());

        DomainProblem p = assertThrows(DomainProblem.class, () -> bed.personal.sign(ZHANG_ID, submitted.applicationNo(), bed.lastCode(ZHANG_MOBILE)));

        assertEquals("SMS_CODE_EXPIRED", p.code());
    }

    @Test
    void withoutACodeAskedForTheSignatureSaysSo() {
        Application submitted = bed.submitted();

        assertEquals("SMS_CODE_REQUIRED", assertThrows(DomainProblem.class,
                () -> bed.personal.sign(ZHANG_ID, submitted.applicationNo(), "123456")).code());
    }

    @Test
    void theSameSignatureAskedAgainStandsAsRecordedAndASecondCodeIsRefused() {
        Application signed = bed.personallySigned();
        String code = bed.lastCode(ZHANG_MOBILE);
        int lines = trail(signed).size();

        assertEquals(signed, bed.personal.sign(ZHANG_ID, signed.applicationNo(), code));
        assertEquals(lines, trail(signed).size());
        assertEquals(DomainProblem.Kind.INVALID_STATE,
                assertThrows(DomainProblem.class, () -> bed.personal.sign(ZHANG_ID, signed.applicationNo(), wrong(code))).kind());
        assertEquals(DomainProblem.Kind.INVALID_STATE,
                assertThrows(DomainProblem.class, () -> bed.personal.requestCode(ZHANG_ID, signed.applicationNo())).kind());
    }

    @Test
    void someoneElsesApplicationIsUnknown() {
        Application submitted = bed.submitted();

        assertEquals(DomainProblem.Kind.NOT_FOUND,
                assertThrows(DomainProblem.class, () -> bed.personal.requestCode(LI_ID, submitted.applicationNo())).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND,
                assertThrows(DomainProblem.class, () -> bed.personal.sign(LI_ID, submitted.applicationNo(), "123456")).kind());
        assertTrue(bed.registry.notices().isEmpty());
    }
}
