package anguan.domain.review;

import anguan.domain.application.Application;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.person.Gender;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.SignedByBoth;
import anguan.domain.testing.TestClock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The review over the in-memory ports, on 2026-11-27 in Shanghai: 王芳 employed at {@link #USCC}
 * (contact mobile {@link #ENTERPRISE_MOBILE}) with C3 and B initial exams, 赵强 at {@link #OTHER_USCC}
 * (no contact mobile: that enterprise is never told) with a C1 exam. Applications reach the
 * reviewers the real way ({@link SignedByBoth}).
 */
final class ReviewTestbed {
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final String WANG_ID = "11010519491231002X";
    static final String WANG_MOBILE = "13812340001";
    static final String ZHAO_ID = "310101199001011234";
    static final String ZHAO_MOBILE = "13912340002";
    static final String USCC = "91350100M000100Y43";
    static final String OTHER_USCC = "91310000MA1FL0000N";
    static final String ENTERPRISE_MOBILE = "13700000003";
    static final String REVIEWER = "reviewer-007";

    final TestClock clock;
    final InMemoryRegistry registry;
    final SignedByBoth signed;
    final ReviewService review;

    ReviewTestbed() {
        this(new TestClock(NOW));
    }

    /** Over a clock the caller moves (crash-and-retry). */
    ReviewTestbed(TestClock clock) {
        this.clock = clock;
        this.registry = new InMemoryRegistry(clock);
        this.signed = new SignedByBoth(registry, clock);
        signed.enterprise(USCC, "上海城建二建有限公司", ENTERPRISE_MOBILE);
        signed.enterprise(OTHER_USCC, "上海市政养护有限公司", null);
        signed.person(WANG_ID, "王芳", Gender.F, WANG_MOBILE, USCC, LocalDate.of(2026, 8, 15), Category.C3, Category.B);
        signed.person(ZHAO_ID, "赵强", Gender.M, ZHAO_MOBILE, OTHER_USCC, LocalDate.of(2026, 7, 1), Category.C1);
        this.review = new ReviewService(registry.applicationRepository(), registry.claimRepository(), registry.issueQueue(),
                registry.noticeQueue(), registry, registry.enterpriseRepository(), clock);
    }

    /** The ports a review service is built on, in its constructor's order. */
    Object[] reviewPorts() {
        return new Object[] {registry.applicationRepository(), registry.claimRepository(), registry.issueQueue(),
                registry.noticeQueue(), registry, registry.enterpriseRepository(), clock};
    }

    /** 王芳's C3 first issue, signed by her and by her enterprise: in the reviewers' queue. */
    Application wangsC3() {
        return signed.underReview(WANG_ID, USCC, Category.C3, Position.P08);
    }

    Application wangsB() {
        return signed.underReview(WANG_ID, USCC, Category.B, Position.P07);
    }

    Application zhaosC1() {
        return signed.underReview(ZHAO_ID, OTHER_USCC, Category.C1, Position.P08);
    }

    /** A first issue of C3 submitted (签名上报) only: still the person's draft. */
    Application submittedC3(String idNo) {
        return signed.submitted(idNo, Category.C3, Position.P08);
    }
}
