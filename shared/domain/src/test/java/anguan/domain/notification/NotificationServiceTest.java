package anguan.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.Applicant;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The notifier sends each notice once, and only once what it tells of has happened. */
class NotificationServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final String NO = "W2026112700001";
    private final TestClock clock = new TestClock(NOW);
    private final InMemoryRegistry store = new InMemoryRegistry(clock);
    private final NotificationService notifier = new NotificationService(store.deliveredNotices(), store.smsGateway(),
            store.applicationRepository(), clock);

    private Notice notice(Notice.Requires requires) {
        return new Notice("personally-signed:" + NO, "13987654321", "【安管人员考核发证】张三的申请已完成个人签名", NO, requires, NOW);
    }

    private Application application(ApplicationStatus status, Instant personalSignedAt, Instant deletedAt) {
        return Application.builder().applicationNo(NO).type(ApplicationType.FIRST_ISSUE).status(status)
                .applicant(new Applicant("张三", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, "11010519491231002X", "13812345678"))
                .createdAt(NOW).updatedAt(NOW).personalSignedAt(personalSignedAt).deletedAt(deletedAt).version(3).build();
    }

    @Test
    void aNoticeIsSentOnceHoweverOftenItIsDelivered() {
        assertEquals(NotificationService.Outcome.SENT, notifier.deliver(notice(Notice.Requires.NOTHING)));
        assertEquals(NotificationService.Outcome.ALREADY_SENT, notifier.deliver(notice(Notice.Requires.NOTHING)));

        assertEquals(1, store.sentSms().size());
        assertEquals("13987654321: 【安管人员考核发证】张三的申请已完成个人签名", store.sentSms().getFirst());
    }

    @Test
    void aNoticeThatArrivesBeforeItsWriteWaitsAndGoesOnceTheWriteIsThere() {
        store.applicationRepository().insert(application(ApplicationStatus.DRAFT, null, null));

        assertThrows(NotificationService.NotYetDue.class, () -> notifier.deliver(notice(Notice.Requires.PERSONALLY_SIGNED)));
        assertEquals(0, store.sentSms().size());

        store.applicationRepository().update(application(ApplicationStatus.AWAITING_ENTERPRISE, NOW, null).toBuilder().version(4).build(), 3);
        assertEquals(NotificationService.Outcome.SENT, notifier.deliver(notice(Notice.Requires.PERSONALLY_SIGNED)));
        assertEquals(1, store.sentSms().size());
    }

    @Test
    void aNoticeWhoseWriteNeverHappenedIsDroppedUnsent() {
        store.applicationRepository().insert(application(ApplicationStatus.DRAFT, null, NOW));

        assertEquals(NotificationService.Outcome.DROPPED, notifier.deliver(notice(Notice.Requires.PERSONALLY_SIGNED)));
        assertEquals(NotificationService.Outcome.DROPPED, notifier.deliver(
                new Notice("enterprise-signed:W2026112700009", "13812345678", "受理", "W2026112700009", Notice.Requires.ENTERPRISE_SIGNED, NOW)));
        assertEquals(0, store.sentSms().size());
    }

    @Test
    void aDecisionsNoticeGoesOnlyForTheOutcomeThatWasWritten() {
        store.applicationRepository().insert(application(ApplicationStatus.UNDER_REVIEW, NOW, null));
        Notice approval = new Notice("decided:" + NO + ":APPROVE:person", "13812345678", "准予许可", NO, Notice.Requires.APPROVED, NOW);
        Notice rejection = new Notice("decided:" + NO + ":REJECT:person", "13812345678", "不予许可", NO, Notice.Requires.REJECTED, NOW);
        assertThrows(NotificationService.NotYetDue.class, () -> notifier.deliver(approval));

        // the rejection's write won the race: the approval's notice, handed over before its write failed, never goes
        store.applicationRepository().update(application(ApplicationStatus.REJECTED, NOW, null).toBuilder().version(4).build(), 3);

        assertEquals(NotificationService.Outcome.DROPPED, notifier.deliver(approval));
        assertEquals(NotificationService.Outcome.SENT, notifier.deliver(rejection));
        assertEquals(java.util.List.of("13812345678: 不予许可"), store.sentSms());
    }
}
