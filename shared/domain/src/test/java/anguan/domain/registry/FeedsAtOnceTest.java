package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.USCC;
import static anguan.domain.registry.RegistryTestbed.ZHANG_ID;
import static anguan.domain.registry.RegistryTestbed.base64;
import static anguan.domain.registry.RegistryTestbed.mobileOnly;
import static anguan.domain.registry.RegistryTestbed.png;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.person.Employment;
import anguan.domain.person.Person;
import anguan.domain.registry.Feeds.CertificateFeed;
import anguan.domain.registry.Feeds.EmploymentFeed;
import anguan.domain.registry.Feeds.EnterpriseFeed;
import anguan.domain.registry.Feeds.ExternalCertificateFeed;
import anguan.domain.registry.Feeds.PersonFeed;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Two partial feeds of one record at once: the second one's read is overtaken by the first one's
 * write. The second is merged again over the fresh record, so neither loses a field; a record that
 * keeps changing under a feed is answered 409 after a few tries, and nothing of that feed is written.
 */
class FeedsAtOnceTest {
    private static final String EXTERNAL_NO = "鲁建安C1（2023）0012345";
    private static final String CERTIFICATE_NO = "沪建安A（2023）0000001";

    private final RegistryTestbed bed = new RegistryTestbed();

    @Test
    void twoPartialFeedsOfOnePersonAtOnceLoseNoField() {
        bed.registerZhang();
        Overtaking renamed = Overtaking.once(() ->
                bed.service.upsertPerson(ZHANG_ID, new PersonFeed("张三丰", null, null, null, null, null, null)));

        Person answered = bed.overtakenBy(renamed).upsertPerson(ZHANG_ID, mobileOnly("13900001111"));

        assertEquals(1, renamed.times());
        Person stored = bed.registry.find(ZHANG_ID).orElseThrow();
        assertEquals("张三丰", stored.name(), "the other feed's name is kept");
        assertEquals("13900001111", stored.mobile());
        assertEquals(stored, answered);
    }

    @Test
    void aFirstFeedThatLosesTheInsertIsMergedOverTheOneThatWon() {
        byte[] signature = png(1_000);
        Overtaking registeredFirst = Overtaking.once(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, "ID_CARD", "13812345678", null, base64(signature))));

        bed.overtakenBy(registeredFirst).upsertPerson(ZHANG_ID,
                new PersonFeed("张三", "F", "1949-12-31", "ID_CARD", "13900001111", base64(png(2_000)), null));

        Person stored = bed.registry.find(ZHANG_ID).orElseThrow();
        assertEquals("13900001111", stored.mobile());
        assertNotNull(stored.photoKey());
        assertEquals(RegistryTestbed.contentKey("signatures", signature, "png"), stored.signatureImageKey(),
                "the winner's signature image is kept");
    }

    @Test
    void twoPartialFeedsOfOneEnterpriseAtOnceLoseNoField() {
        bed.registerEnterprise(USCC, "上海建工一建集团有限公司");
        Overtaking renamed = Overtaking.once(() -> bed.registerEnterprise(USCC, "上海建工一建（集团）有限公司"));

        bed.overtakenBy(renamed).upsertEnterprise(USCC, new EnterpriseFeed(null, null, "s3cret-pass"));

        Enterprise stored = bed.registry.findEnterprise(USCC).orElseThrow();
        assertEquals("上海建工一建（集团）有限公司", stored.name());
        assertTrue(SigningPassword.matches("s3cret-pass", stored.signingPasswordHash()));
    }

    @Test
    void twoPartialFeedsOfOneEmploymentAtOnceLoseNoField() {
        bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));
        Overtaking earlier = Overtaking.once(() ->
                bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2019-07-01", null)));

        bed.overtakenBy(earlier).upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed(null, "2026-06-30"));

        assertEquals(new Employment(ZHANG_ID, USCC, LocalDate.of(2019, 7, 1), LocalDate.of(2026, 6, 30)),
                bed.registry.employments(ZHANG_ID).getFirst());
    }

    @Test
    void twoPartialFeedsOfOneNationalRecordAtOnceLoseNoField() {
        bed.service.upsertExternalCertificate(EXTERNAL_NO, new ExternalCertificateFeed(ZHANG_ID, "张三", "C1",
                "山东某建设有限公司", "2023-06-01", "2026-05-31", false));
        Overtaking renamed = Overtaking.once(() -> bed.service.upsertExternalCertificate(EXTERNAL_NO,
                new ExternalCertificateFeed(null, null, null, "山东某建设集团有限公司", null, null, null)));

        bed.overtakenBy(renamed).upsertExternalCertificate(EXTERNAL_NO,
                new ExternalCertificateFeed(null, null, null, null, null, null, true));

        ExternalCertificate stored = bed.registry.findExternal(EXTERNAL_NO).orElseThrow();
        assertEquals("山东某建设集团有限公司", stored.enterpriseName());
        assertTrue(stored.transferredOut());
    }

    @Test
    void twoPartialMigrationsOfOneCertificateAtOnceLoseNoField() {
        bed.registerZhang();
        bed.registerEnterprise(USCC, "上海建工一建集团有限公司");
        bed.service.migrateCertificate(CERTIFICATE_NO, new CertificateFeed(ZHANG_ID, "A", "01", USCC, "2017-12-31",
                "2023-12-31", "2026-12-30", "VALID", null));
        Overtaking repositioned = Overtaking.once(() -> bed.service.migrateCertificate(CERTIFICATE_NO,
                new CertificateFeed(null, null, "02", null, null, null, null, null, null)));

        bed.overtakenBy(repositioned).migrateCertificate(CERTIFICATE_NO,
                new CertificateFeed(null, null, null, null, null, null, null, "SUSPENDED", null));

        Certificate stored = bed.registry.findCertificate(CERTIFICATE_NO).orElseThrow();
        assertEquals(Position.P02, stored.position());
        assertEquals(CertificateStatus.SUSPENDED, stored.status());
    }

    @Test
    void aRecordThatKeepsChangingUnderAFeedIsAnsweredConcurrentUpdateAfterAFewTries() {
        bed.registerZhang();
        int[] renames = {0};
        Overtaking everyTime = Overtaking.always(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三" + ++renames[0], null, null, null, null, null, null)));

        DomainProblem problem = refused(() -> bed.overtakenBy(everyTime).upsertPerson(ZHANG_ID, mobileOnly("13900001111")));

        assertEquals(DomainProblem.Kind.CONCURRENT_UPDATE, problem.kind());
        assertEquals("CONCURRENT_UPDATE", problem.code());
        assertEquals(OptimisticRetry.ATTEMPTS, everyTime.times(), "tried a bounded number of times");
        Person stored = bed.registry.find(ZHANG_ID).orElseThrow();
        assertEquals("13812345678", stored.mobile(), "nothing of the refused feed is written");
        assertEquals("张三" + OptimisticRetry.ATTEMPTS, stored.name());
    }
}
