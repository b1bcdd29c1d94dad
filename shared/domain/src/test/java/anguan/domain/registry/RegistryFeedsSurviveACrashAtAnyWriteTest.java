package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.NOW;
import static anguan.domain.registry.RegistryTestbed.USCC;
import static anguan.domain.registry.RegistryTestbed.ZHANG_ID;
import static anguan.domain.registry.RegistryTestbed.base64;
import static anguan.domain.registry.RegistryTestbed.jpeg;
import static anguan.domain.registry.RegistryTestbed.png;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import anguan.domain.registry.Feeds.CertificateFeed;
import anguan.domain.registry.Feeds.EmploymentFeed;
import anguan.domain.registry.Feeds.EnterpriseFeed;
import anguan.domain.registry.Feeds.ExamFeed;
import anguan.domain.registry.Feeds.ExternalCertificateFeed;
import anguan.domain.registry.Feeds.PersonFeed;
import anguan.domain.testing.CrashAndRetry;
import anguan.domain.testing.CrashAndRetry.Call;
import anguan.domain.testing.CrashAndRetry.Trial;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md "State and consistency" for the registry feeds: each, crashed at any write (a document
 * put or the record's save), before or after it took effect, and redelivered, leaves the state of
 * one clean run; and one more delivery after that changes nothing either (at-least-once delivery).
 */
class RegistryFeedsSurviveACrashAtAnyWriteTest {
    private static final String NAME = "上海建工一建集团有限公司";

    static final List<CrashAndRetry> FEEDS = List.of(
            feed("register a person with photo and signature", bed -> { }, service -> () -> service.upsertPerson(ZHANG_ID,
                    new PersonFeed("张三", "F", "1949-12-31", "ID_CARD", "13812345678", base64(jpeg(2048)), base64(png(1024))))),
            feed("change a person's photo", bed -> bed.service.upsertPerson(ZHANG_ID,
                            new PersonFeed("张三", null, null, null, "13812345678", base64(jpeg(2048)), null)),
                    service -> () -> service.upsertPerson(ZHANG_ID, new PersonFeed(null, null, null, null, null, base64(png(3000)), null))),
            // Without a signing password: the same single write, but its PBKDF2 hash (fresh salt on
            // each delivery, so only comparable by deriving it again) would make this row take seconds.
            feed("register an enterprise", bed -> { },
                    service -> () -> service.upsertEnterprise(USCC, new EnterpriseFeed(NAME, null, null))),
            feed("register an employment", RegistryFeedsSurviveACrashAtAnyWriteTest::zhangAndHerEnterprise,
                    service -> () -> service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null))),
            feed("end an employment", bed -> {
                zhangAndHerEnterprise(bed);
                bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));
            }, service -> () -> {
                service.endEmployment(ZHANG_ID, USCC);
                return null;
            }),
            feed("record an exam", bed -> { },
                    service -> () -> service.recordExam(new ExamFeed(ZHANG_ID, "INITIAL", "C3", "2026-09-01", true))),
            feed("record an out-of-province certificate", bed -> { }, service -> () -> service.upsertExternalCertificate(
                    "鲁建安C1（2024）0012345", new ExternalCertificateFeed(ZHANG_ID, "张三", "C1", "山东某建设有限公司",
                            "2024-01-01", "2026-12-31", true))),
            feed("migrate a certificate with its photo", RegistryFeedsSurviveACrashAtAnyWriteTest::zhangAndHerEnterprise,
                    service -> () -> service.migrateCertificate("沪建安C3（2023）0000001", new CertificateFeed(ZHANG_ID, "C3", "08",
                            USCC, "2023-12-31", "2023-12-31", "2026-12-30", "VALID", base64(jpeg(2048))))));

    @TestFactory
    Stream<DynamicTest> aCrashAtAnyWriteThenARedeliveryLeavesTheStateOfOneCleanRun() {
        return FEEDS.stream().flatMap(feed -> feed.crashpoints().stream())
                .map(point -> dynamicTest(point.name(), () -> point.run().assertSurvived()));
    }

    private static void zhangAndHerEnterprise(RegistryTestbed bed) {
        bed.registerZhang();
        bed.registerEnterprise(USCC, NAME);
    }

    /**
     * A fresh testbed seeded through its own service (not through the seam), and the feed under test
     * on a service wired over the seam; after the redelivery, the same feed once more.
     */
    private static CrashAndRetry feed(String name, Consumer<RegistryTestbed> seed, Function<RegistryService, Call> call) {
        return CrashAndRetry.of(name, rig -> {
            rig.clock().set(NOW);
            RegistryTestbed bed = new RegistryTestbed();
            seed.accept(bed);
            RegistryService service = rig.wire(RegistryService.class, bed.registry, bed.registry.enterpriseRepository(),
                    bed.registry.certificateRepository(), bed.registry, rig.clock());
            Call feed = call.apply(service);
            return new Trial(bed.registry, feed, feed);
        });
    }
}
