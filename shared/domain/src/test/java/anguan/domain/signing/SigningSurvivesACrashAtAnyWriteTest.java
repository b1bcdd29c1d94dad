package anguan.domain.signing;

import static anguan.domain.signing.SigningTestbed.NOW;
import static anguan.domain.signing.SigningTestbed.PASSWORD;
import static anguan.domain.signing.SigningTestbed.SMS_SECRET;
import static anguan.domain.signing.SigningTestbed.USCC;
import static anguan.domain.signing.SigningTestbed.ZHANG_ID;
import static anguan.domain.signing.SigningTestbed.ZHANG_MOBILE;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationChanges;
import anguan.domain.application.ApplicationService;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.NewApplication;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.notification.Notice;
import anguan.domain.testing.Allowance;
import anguan.domain.testing.CrashAndRetry;
import anguan.domain.testing.CrashAndRetry.Trial;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TestClock;
import anguan.domain.testing.TextForms;
import anguan.domain.testing.TextSignatures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * DESIGN.md "State and consistency" for the signing chain: each step (SMS code, personal signature,
 * enterprise signature by password, by token) crashed at any write, before or after it took effect,
 * and retried a minute later, leaves the state of one clean run (one signature, one SMS handed to
 * the notifier, one trail line each), and the next step still ends as it would.
 */
class SigningSurvivesACrashAtAnyWriteTest {

    /**
     * A request that died after counting the day's code but before storing it has used up one of the
     * ten: the count errs on the safe side (a code never goes uncounted).
     */
    private static final Allowance QUOTA_MAY_RUN_AHEAD = new Allowance("a crashed request may have used one of the day's codes",
            (expected, actual) -> actual.with("smsQuota", expected.keyed("smsQuota")));

    /**
     * A request that died after drawing its code but before storing it draws another on the retry:
     * the code (salt, hash, and the SMS's id and text) is fresh, everything else as in the clean run.
     */
    private static final Allowance FRESH_CODE = new Allowance("a code never stored is drawn afresh by the retry",
            (expected, actual) -> {
                Map<Object, Object> challenges = new TreeMap<>(actual.keyed("smsChallenges"));
                expected.keyed("smsChallenges").forEach((no, clean) -> {
                    if (challenges.get(no) instanceof anguan.domain.common.Versioned<?> v && v.value() instanceof SmsChallenge retried
                            && clean instanceof anguan.domain.common.Versioned<?> cv && cv.value() instanceof SmsChallenge c
                            && new SmsChallenge(c.applicationNo(), c.applicationVersion(), c.mobile(), c.fileName(), retried.salt(),
                            retried.codeHash(), c.sentAt(), c.announcedAt(), c.wrongTries(), c.usedAt()).equals(retried)) {
                        challenges.put(no, clean);
                    }
                });
                Map<Object, Object> notices = new TreeMap<>();
                List<Object> clean = List.copyOf(expected.keyed("notices").values());
                List<Object> retried = List.copyOf(actual.keyed("notices").values());
                if (clean.size() == retried.size()) {
                    for (int i = 0; i < clean.size(); i++) {
                        Notice c = (Notice) clean.get(i);
                        Notice r = (Notice) retried.get(i);
                        boolean sameButCode = c.id().startsWith("sms-code:") && r.id().startsWith("sms-code:")
                                && c.mobile().equals(r.mobile()) && c.requires() == r.requires()
                                && c.text().replaceAll("\\d{6}", "######").equals(r.text().replaceAll("\\d{6}", "######"));
                        notices.put(c.id(), sameButCode ? c : r);
                    }
                    return actual.with("smsChallenges", challenges).with("notices", notices);
                }
                return actual.with("smsChallenges", challenges);
            });

    /** The set-up's 签名上报 claims its target under a random token, fresh in every world. */
    private static final Allowance CLAIM_TOKENS = new Allowance("the set-up's claim tokens are random",
            SigningSurvivesACrashAtAnyWriteTest::sameClaimsButTokens);

    private static anguan.domain.testing.Snapshot sameClaimsButTokens(anguan.domain.testing.Snapshot expected,
                                                                      anguan.domain.testing.Snapshot actual) {
        Map<Object, Object> rows = new TreeMap<>(actual.keyed("claims"));
        expected.keyed("claims").forEach((key, clean) -> {
            if (rows.get(key) instanceof anguan.domain.application.claim.Claim r && clean instanceof anguan.domain.application.claim.Claim c
                    && r.equals(new anguan.domain.application.claim.Claim(c.idNo(), c.target(), c.applicationNo(), c.applicationVersion(), r.attempt()))) {
                rows.put(key, c);
            }
        });
        return actual.with("claims", rows);
    }

    static final List<CrashAndRetry> USE_CASES = List.of(
            world("ask for an SMS code", w -> {
                Application submitted = w.submitted();
                return new Trial(w.store(), () -> w.personal().requestCode(ZHANG_ID, submitted.applicationNo()),
                        () -> w.personal().sign(ZHANG_ID, submitted.applicationNo(), w.lastCode()));
            }).allowing(QUOTA_MAY_RUN_AHEAD, FRESH_CODE),
            world("sign as the person", w -> {
                Application submitted = w.submitted();
                w.personalPlain().requestCode(ZHANG_ID, submitted.applicationNo());
                String code = w.lastCode();
                return new Trial(w.store(), () -> w.personal().sign(ZHANG_ID, submitted.applicationNo(), code),
                        () -> w.enterprise().signWithPassword(USCC, submitted.applicationNo(), true, PASSWORD));
            }),
            world("sign as the enterprise with the password", w -> {
                Application signed = w.personallySigned();
                return new Trial(w.store(), () -> w.enterprise().signWithPassword(USCC, signed.applicationNo(), true, PASSWORD),
                        () -> w.enterprise().get(USCC, signed.applicationNo()));
            }),
            world("complete a hardware token's signature", w -> {
                Application signed = w.personallySigned();
                SigningSession session = w.enterprisePlain().prepare(USCC, signed.applicationNo(), true, TextSignatures.tokenCertificate(USCC));
                byte[] cms = TextSignatures.cmsFor(session.digest()).getBytes(StandardCharsets.UTF_8);
                return new Trial(w.store(), () -> w.enterprise().complete(USCC, signed.applicationNo(), session.signingId(), cms),
                        () -> w.enterprise().get(USCC, signed.applicationNo()));
            }));

    @TestFactory
    Stream<DynamicTest> aCrashAtAnyWriteThenARetryLeavesTheStateOfOneCleanRun() {
        return USE_CASES.stream().flatMap(useCase -> useCase.crashpoints().stream())
                .map(point -> dynamicTest(point.name(), () -> point.run().assertSurvived()));
    }

    /** The services twice: through the fault seam (the step under test) and plain (the set-up before it). */
    private record World(InMemoryRegistry store, ApplicationService applications, PersonalSigningService personal,
                         EnterpriseSigningService enterprise, PersonalSigningService personalPlain,
                         EnterpriseSigningService enterprisePlain) {
        Application submitted() {
            Application draft = applications.create(ZHANG_ID, new NewApplication(ApplicationType.FIRST_ISSUE, Category.C3, Position.P08, null, null, null));
            Application filled = applications.save(ZHANG_ID, draft.applicationNo(),
                    new ApplicationChanges("021-12345678", true, null, null, null, null, draft.version()));
            return applications.submit(ZHANG_ID, filled.applicationNo());
        }

        Application personallySigned() {
            Application submitted = submitted();
            personalPlain.requestCode(ZHANG_ID, submitted.applicationNo());
            return personalPlain.sign(ZHANG_ID, submitted.applicationNo(), lastCode());
        }

        String lastCode() {
            Notice sms = store.notices().stream().filter(n -> n.id().startsWith("sms-code:") && n.mobile().equals(ZHANG_MOBILE))
                    .max(java.util.Comparator.comparing(Notice::createdAt)).orElseThrow();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("验证码(\\d{6})").matcher(sms.text());
            m.find();
            return m.group(1);
        }
    }

    private static CrashAndRetry world(String useCase, Function<World, Trial> trial) {
        return worldOf(useCase, trial).allowing(CLAIM_TOKENS);
    }

    private static CrashAndRetry worldOf(String useCase, Function<World, Trial> trial) {
        return CrashAndRetry.of(useCase, rig -> {
            TestClock clock = rig.clock();
            clock.set(NOW);
            InMemoryRegistry store = new InMemoryRegistry(clock);
            SigningTestbed.seed(store);
            TextSignatures signatures = new TextSignatures();
            Random random = new Random(7);
            ApplicationService applications = new ApplicationService(store.applicationRepository(), store.claimRepository(), store,
                    store.enterpriseRepository(), store.certificateRepository(), store, new TextForms(), store, clock);
            Object[] personalPorts = {store.applicationRepository(), store, store.enterpriseRepository(), store.smsChallengeRepository(),
                    store.smsQuota(), signatures, store, store.noticeQueue(), SMS_SECRET, random, clock};
            Object[] enterprisePorts = {store.applicationRepository(), store.enterpriseRepository(), store, store.signingLockRepository(),
                    store.signingSessionRepository(), signatures, signatures, store, store.noticeQueue(), random, clock};
            World w = new World(store, applications,
                    rig.wire(PersonalSigningService.class, personalPorts), rig.wire(EnterpriseSigningService.class, enterprisePorts),
                    new PersonalSigningService(store.applicationRepository(), store, store.enterpriseRepository(), store.smsChallengeRepository(),
                            store.smsQuota(), signatures, store, store.noticeQueue(), SMS_SECRET, random, clock),
                    new EnterpriseSigningService(store.applicationRepository(), store.enterpriseRepository(), store, store.signingLockRepository(),
                            store.signingSessionRepository(), signatures, signatures, store, store.noticeQueue(), random, clock));
            return trial.apply(w);
        });
    }
}
