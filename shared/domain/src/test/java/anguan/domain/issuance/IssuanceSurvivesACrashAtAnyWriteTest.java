package anguan.domain.issuance;

import static anguan.domain.issuance.IssuanceTestbed.DECIDED;
import static anguan.domain.issuance.IssuanceTestbed.ISSUER_USCC;
import static anguan.domain.issuance.IssuanceTestbed.NO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.LicenceId;
import anguan.domain.certificate.Position;
import anguan.domain.testing.Allowance;
import anguan.domain.testing.CrashAndRetry;
import anguan.domain.testing.CrashAndRetry.Trial;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md "State and consistency" for the certificate queue's consumer: each of the six types
 * (and a first issue whose first number clashes with a migrated certificate) crashed at every write,
 * before or after it took effect, and redelivered a minute later, leaves the state of one clean run:
 * one number in force, recorded on the application, no certificate changed twice or half, one file
 * per 证照标识 version, one notice each, one line of the trail (证书发放, 证书转出 or 证书注销), every
 * claim released; and a further delivery changes nothing.
 */
class IssuanceSurvivesACrashAtAnyWriteTest {

    /**
     * A serial drawn by a crashed delivery and never recorded is a gap: the redelivery draws the next,
     * so the certificate in force carries a later number (and with it its 证照标识, file key, file and
     * notice). The number in force is mapped onto the clean run's; a number lost that way is missing
     * from the application's {@code issued} (one write fewer, so one version lower). Any other
     * difference, a second number in force above all, still shows.
     */
    private static final Allowance LATER_SERIAL = new Allowance("a serial consumed by a crash shifts the number in force",
            IssuanceSurvivesACrashAtAnyWriteTest::laterSerial);

    static final List<CrashAndRetry> USE_CASES = List.of(
            world("first issue", ApplicationType.FIRST_ISSUE, r -> { }),
            world("first issue over a migrated number", ApplicationType.FIRST_ISSUE, r -> r.save(new Certificate(
                    "沪建安C3（2026）0000001", IssuanceTestbed.LI_ID, "李四", Category.C3, Position.P08, IssuanceTestbed.USCC,
                    IssuanceTestbed.ENTERPRISE, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), LocalDate.of(2029, 1, 4),
                    CertificateStatus.VALID, null, 0, null, null))),
            world("renewal", ApplicationType.RENEWAL, r -> { }),
            world("employer change", ApplicationType.EMPLOYER_CHANGE, r -> { }),
            world("transfer in", ApplicationType.TRANSFER_IN, r -> { }),
            world("transfer out", ApplicationType.TRANSFER_OUT, r -> { }),
            world("cancellation", ApplicationType.CANCELLATION, r -> { }));

    @TestFactory
    Stream<DynamicTest> aCrashAtAnyWriteThenARedeliveryLeavesTheStateOfOneCleanRun() {
        return USE_CASES.stream().flatMap(useCase -> useCase.crashpoints().stream())
                .map(point -> dynamicTest(point.name(), () -> point.run().assertSurvived()));
    }

    /** The suite is only as good as the writes it crashes at: every type writes, and the new-number ones draw first. */
    @Test
    void everyUseCaseWritesAndNewNumbersAreDrawnBeforeAnythingElse() {
        for (CrashAndRetry useCase : USE_CASES) {
            List<String> writes = useCase.cleanWrites();
            assertFalse(writes.isEmpty(), useCase.useCase());
            if (useCase.useCase().startsWith("first issue")) {
                assertEquals(List.of("Sequence.next", "ApplicationRepository.update"), writes.subList(0, 2));
            }
        }
    }

    private static CrashAndRetry world(String useCase, ApplicationType type, Consumer<InMemoryRegistry> more) {
        return CrashAndRetry.of(useCase, rig -> {
            rig.clock().set(DECIDED.plusSeconds(60));
            InMemoryRegistry store = new InMemoryRegistry(rig.clock());
            IssuanceTestbed.seed(store);
            more.accept(store);
            store.insert(IssuanceTestbed.approved(type));
            IssuanceTestbed.claim(store, IssuanceTestbed.approved(type));
            CertificateIssuanceService service = rig.wire(CertificateIssuanceService.class, IssuanceTestbed.ports(store, rig.clock()));
            IssueOrder order = IssueOrder.approved(NO, DECIDED);
            return new Trial(store, () -> service.apply(order), () -> service.apply(order));
        }).allowing(Allowance.countersMayRunAhead("counters"), LATER_SERIAL);
    }

    private static Snapshot laterSerial(Snapshot expected, Snapshot actual) {
        if (!(expected.keyed("applications").get(NO) instanceof Application clean)
                || !(actual.keyed("applications").get(NO) instanceof Application retried)
                || clean.issued().isEmpty() || retried.issued().isEmpty()) {
            return actual;
        }
        String inForce = clean.issued().getLast();
        String later = retried.issued().getLast();
        Map<String, String> renumber = new LinkedHashMap<>();
        if (!inForce.equals(later)) {
            for (int version = 1; version <= 3; version++) {
                renumber.put(licenceId(later, version), licenceId(inForce, version));
            }
            renumber.put(later, inForce);
            // the QR code's URL names the number URL-encoded
            renumber.put(java.net.URLEncoder.encode(later, StandardCharsets.UTF_8), java.net.URLEncoder.encode(inForce, StandardCharsets.UTF_8));
        }
        Snapshot renumbered = actual.rewrite(node -> {
            if (node instanceof String text) {
                String rewritten = replaced(text, renumber);
                return rewritten.equals(text) ? node : rewritten;
            }
            if (node instanceof byte[] bytes) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                String rewritten = replaced(text, renumber);
                return rewritten.equals(text) ? node : rewritten.getBytes(StandardCharsets.UTF_8);
            }
            return node;
        });
        Application after = (Application) renumbered.keyed("applications").get(NO);
        List<String> lost = new ArrayList<>(clean.issued());
        boolean inOrder = lost.containsAll(after.issued()) && after.issued().getLast().equals(inForce);
        if (!inOrder) {
            return renumbered;
        }
        lost.removeAll(after.issued());
        Application asClean = after.toBuilder().issued(clean.issued()).version(after.version() + lost.size()).build();
        Map<Object, Object> applications = new TreeMap<>(renumbered.keyed("applications"));
        applications.put(NO, asClean);
        return renumbered.with("applications", applications);
    }

    private static String replaced(String text, Map<String, String> renumber) {
        String rewritten = text;
        for (Map.Entry<String, String> e : renumber.entrySet()) {
            rewritten = rewritten.replace(e.getKey(), e.getValue());
        }
        return rewritten;
    }

    private static String licenceId(String number, int version) {
        return LicenceId.of(ISSUER_USCC, CertificateNumber.parse(number).orElseThrow(), version);
    }
}
