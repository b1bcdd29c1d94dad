package anguan.domain.signing;

import static anguan.domain.signing.SigningTestbed.OTHER_USCC;
import static anguan.domain.signing.SigningTestbed.PASSWORD;
import static anguan.domain.signing.SigningTestbed.USCC;
import static anguan.domain.signing.SigningTestbed.ZHANG_ID;
import static anguan.domain.signing.SigningTestbed.ZHANG_MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.DocumentRef;
import anguan.domain.common.DomainProblem;
import anguan.domain.notification.Notice;
import anguan.domain.testing.TextSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 企业签章 (DOMAIN.md, Signing): the enterprise's list, details and signature. */
class EnterpriseSigningTest {
    private final SigningTestbed bed = new SigningTestbed();

    private static EnterpriseApplicationQuery awaiting() {
        return new EnterpriseApplicationQuery(ApplicationStatus.AWAITING_ENTERPRISE, null, null, null, null, null, 1, 10);
    }

    private List<ApplicationEvent.Action> trail(Application a) {
        return bed.registry.applicationRepository().events(a.applicationNo()).stream().map(ApplicationEvent::action).toList();
    }

    @Test
    void theEnterpriseSeesWhatWaitsForItAndNotThePersonsDrafts() {
        Application draft = bed.submitted();
        assertEquals(0, bed.enterprise.list(USCC, awaiting()).total());
        assertEquals(DomainProblem.Kind.NOT_FOUND, assertThrows(DomainProblem.class, () -> bed.enterprise.get(USCC, draft.applicationNo())).kind());

        Application signed = bed.personal.sign(ZHANG_ID, draft.applicationNo(), requestAndRead(draft));

        assertEquals(List.of(signed), bed.enterprise.list(USCC, awaiting()).items());
        assertEquals(signed, bed.enterprise.get(USCC, signed.applicationNo()));
        assertEquals(0, bed.enterprise.list(OTHER_USCC, awaiting()).total());
        assertEquals(DomainProblem.Kind.NOT_FOUND, assertThrows(DomainProblem.class, () -> bed.enterprise.get(OTHER_USCC, signed.applicationNo())).kind());
    }

    @Test
    void theFiltersNarrowTheList() {
        Application signed = bed.personallySigned();
        LocalDate today = LocalDate.of(2026, 11, 27);

        assertEquals(1, bed.enterprise.list(USCC, new EnterpriseApplicationQuery(null, "张", ZHANG_ID, ApplicationType.FIRST_ISSUE, today, today, 1, 10)).total());
        assertEquals(0, bed.enterprise.list(USCC, new EnterpriseApplicationQuery(null, "李", null, null, null, null, 1, 10)).total());
        assertEquals(0, bed.enterprise.list(USCC, new EnterpriseApplicationQuery(null, null, null, ApplicationType.RENEWAL, null, null, 1, 10)).total());
        assertEquals(0, bed.enterprise.list(USCC, new EnterpriseApplicationQuery(null, null, null, null, today.plusDays(1), null, 1, 10)).total());
        assertEquals(0, bed.enterprise.list(USCC, new EnterpriseApplicationQuery(ApplicationStatus.UNDER_REVIEW, null, null, null, null, null, 1, 10)).total());
        assertEquals(signed.applicationNo(), bed.enterprise.list(USCC, awaiting()).items().getFirst().applicationNo());
    }

    @Test
    void thePasswordSignsTheFormAcceptsTheApplicationAndThePersonIsTold() {
        Application signed = bed.personallySigned();
        bed.clock.advance(Duration.ofHours(2));

        Application accepted = bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, PASSWORD);

        assertEquals(ApplicationStatus.UNDER_REVIEW, accepted.status());
        assertEquals(bed.clock.instant(), accepted.enterpriseSignedAt());
        DocumentRef signedForm = accepted.documents().stream().filter(d -> d.kind().equals("signed-form")).findFirst().orElseThrow();
        assertEquals(signed.documents().getFirst().fileName().replace(".pdf", "_sign.pdf"), signedForm.fileName());
        String text = TextSignatures.text(bed.registry.get(signedForm.key()).orElseThrow());
        assertTrue(text.indexOf("signed by person " + ZHANG_ID) < text.indexOf("signed by enterprise " + USCC), text);
        DocumentRef notice = accepted.documents().stream().filter(d -> d.kind().equals("acceptance-notice")).findFirst().orElseThrow();
        assertTrue(TextSignatures.text(bed.registry.get(notice.key()).orElseThrow()).contains(accepted.applicationNo()));
        Notice told = bed.registry.notices().stream().filter(n -> n.id().startsWith("enterprise-signed:")).findFirst().orElseThrow();
        assertEquals(ZHANG_MOBILE, told.mobile());
        assertTrue(told.text().contains("受理") && told.text().contains("20个工作日"), told.text());
        assertEquals(ApplicationEvent.Action.ENTERPRISE_SIGNED, trail(accepted).getLast());
        assertEquals(USCC, bed.registry.applicationRepository().events(accepted.applicationNo()).getLast().actor());
        assertEquals(accepted, bed.registry.applicationRepository().find(accepted.applicationNo()).orElseThrow());
    }

    @Test
    void withoutTheConsentTickedNothingIsSigned() {
        Application signed = bed.personallySigned();

        assertEquals("CONSENT_REQUIRED", assertThrows(DomainProblem.class,
                () -> bed.enterprise.signWithPassword(USCC, signed.applicationNo(), false, PASSWORD)).code());
        assertEquals("CONSENT_REQUIRED", assertThrows(DomainProblem.class,
                () -> bed.enterprise.signWithPassword(USCC, signed.applicationNo(), null, PASSWORD)).code());
    }

    @Test
    void fiveWrongPasswordsInARowLockSigningForFifteenMinutes() {
        Application signed = bed.personallySigned();
        for (int left = 4; left >= 1; left--) {
            bed.clock.advance(Duration.ofSeconds(2));
            DomainProblem p = assertThrows(DomainProblem.class, () -> bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, "wrong-1"));
            assertEquals("SIGNING_PASSWORD_INVALID", p.code());
            assertEquals(left, p.attemptsLeft().orElseThrow());
            assertTrue(!p.getMessage().contains("wrong-1"));
        }
        bed.clock.advance(Duration.ofSeconds(2));
        DomainProblem fifth = assertThrows(DomainProblem.class, () -> bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, "wrong-1"));
        assertEquals(DomainProblem.Kind.TOO_MANY_REQUESTS, fifth.kind());
        assertEquals(Duration.ofMinutes(15), fifth.retryAfter().orElseThrow());

        bed.clock.advance(Duration.ofMinutes(10));
        DomainProblem locked = assertThrows(DomainProblem.class, () -> bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, PASSWORD));
        assertEquals(DomainProblem.Kind.TOO_MANY_REQUESTS, locked.kind());
        assertEquals(Duration.ofMinutes(5), locked.retryAfter().orElseThrow());
        assertEquals(5, trail(signed).stream().filter(a -> a == ApplicationEvent.Action.SIGNING_PASSWORD_WRONG).count());

        bed.clock.advance(Duration.ofMinutes(5));
        assertEquals(ApplicationStatus.UNDER_REVIEW, bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, PASSWORD).status());
        assertEquals(0, bed.registry.signingLockRepository().find(USCC).orElseThrow().value().wrongInARow());
    }

    @Test
    void aSecondSignatureIsAConflict() {
        Application signed = bed.personallySigned();
        bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, PASSWORD);

        assertEquals(DomainProblem.Kind.INVALID_STATE, assertThrows(DomainProblem.class,
                () -> bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, PASSWORD)).kind());
    }

    @Test
    void anotherEnterpriseCannotSignAndLearnsNothing() {
        Application signed = bed.personallySigned();

        assertEquals(DomainProblem.Kind.NOT_FOUND, assertThrows(DomainProblem.class,
                () -> bed.enterprise.signWithPassword(OTHER_USCC, signed.applicationNo(), true, "Other-999")).kind());
        assertEquals(DomainProblem.Kind.NOT_FOUND, assertThrows(DomainProblem.class,
                () -> bed.enterprise.prepare(OTHER_USCC, signed.applicationNo(), true, TextSignatures.tokenCertificate(OTHER_USCC))).kind());
    }

    @Test
    void aFormWhosePersonalSignatureNoLongerVerifiesIsNotSigned() {
        Application signed = bed.personallySigned();
        String key = signed.documents().getFirst().key();
        bed.registry.put(key, "a tampered form".getBytes(StandardCharsets.UTF_8), "application/pdf");

        assertEquals("PERSONAL_SIGNATURE_INVALID", assertThrows(DomainProblem.class,
                () -> bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, PASSWORD)).code());
        assertEquals(ApplicationStatus.AWAITING_ENTERPRISE, bed.enterprise.get(USCC, signed.applicationNo()).status());
    }

    @Test
    void aHardwareTokenSignsThePreparedDigestInTwoPhases() {
        Application signed = bed.personallySigned();

        SigningSession session = bed.enterprise.prepare(USCC, signed.applicationNo(), true, TextSignatures.tokenCertificate(USCC));
        assertEquals(bed.clock.instant().plus(SigningSession.VALID_FOR), session.expiresAt());
        Application accepted = bed.enterprise.complete(USCC, signed.applicationNo(), session.signingId(),
                TextSignatures.cmsFor(session.digest()).getBytes(StandardCharsets.UTF_8));

        assertEquals(ApplicationStatus.UNDER_REVIEW, accepted.status());
        DocumentRef signedForm = accepted.documents().stream().filter(d -> d.kind().equals("signed-form")).findFirst().orElseThrow();
        assertTrue(TextSignatures.text(bed.registry.get(signedForm.key()).orElseThrow()).endsWith("signed by enterprise " + USCC + " (token)"));
    }

    @Test
    void aTokenSignatureOverAnotherDigestOrLateOrUnknownIsRefused() {
        Application signed = bed.personallySigned();
        SigningSession session = bed.enterprise.prepare(USCC, signed.applicationNo(), true, TextSignatures.tokenCertificate(USCC));

        assertEquals("CMS_DIGEST_MISMATCH", assertThrows(DomainProblem.class, () -> bed.enterprise.complete(USCC, signed.applicationNo(),
                session.signingId(), TextSignatures.cmsFor(new byte[32]).getBytes(StandardCharsets.UTF_8))).code());
        assertEquals(ApplicationEvent.Action.SIGNATURE_REFUSED, trail(signed).getLast());
        assertEquals("SIGNING_SESSION_NOT_FOUND", assertThrows(DomainProblem.class, () -> bed.enterprise.complete(USCC, signed.applicationNo(),
                "0123456789abcdef0123456789abcdef", new byte[1])).code());
        assertEquals("CMS_WRONG_ENTERPRISE", assertThrows(DomainProblem.class, () -> bed.enterprise.prepare(USCC, signed.applicationNo(), true,
                TextSignatures.tokenCertificate(OTHER_USCC))).code());
        bed.clock.advance(SigningSession.VALID_FOR);
        assertEquals("SIGNING_SESSION_EXPIRED", assertThrows(DomainProblem.class, () -> bed.enterprise.complete(USCC, signed.applicationNo(),
                session.signingId(), TextSignatures.cmsFor(session.digest()).getBytes(StandardCharsets.UTF_8))).code());
        assertEquals(ApplicationStatus.AWAITING_ENTERPRISE, bed.enterprise.get(USCC, signed.applicationNo()).status());
    }

    @Test
    void ofEightSignaturesAtOnceExactlyOneIsRecorded() throws Exception {
        Application signed = bed.personallySigned();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Application>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(pool.submit(() -> {
                start.await();
                return bed.enterprise.signWithPassword(USCC, signed.applicationNo(), true, PASSWORD);
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Application> f : tries) {
            try {
                f.get();
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                DomainProblem p = (DomainProblem) e.getCause();
                assertTrue(p.kind() == DomainProblem.Kind.CONCURRENT_UPDATE || p.kind() == DomainProblem.Kind.INVALID_STATE, p.kind().toString());
            }
        }
        pool.shutdown();

        assertEquals(1, won);
        assertEquals(1, trail(signed).stream().filter(a -> a == ApplicationEvent.Action.ENTERPRISE_SIGNED).count());
    }

    private String requestAndRead(Application submitted) {
        bed.personal.requestCode(ZHANG_ID, submitted.applicationNo());
        return bed.lastCode(ZHANG_MOBILE);
    }
}
