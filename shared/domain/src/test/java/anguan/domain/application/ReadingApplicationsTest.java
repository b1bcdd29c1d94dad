package anguan.domain.application;

import static anguan.domain.application.ApplicationTestbed.C3_NO;
import static anguan.domain.application.ApplicationTestbed.LI_ID;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.DomainProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /applications, GET /applications/{no} and GET /applications/{no}/events. */
class ReadingApplicationsTest {
    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();

    private Application firstIssue;
    private Application renewal;
    private Application cancellation;

    /** Three of 张三's applications a minute apart, and one of 李四's. */
    @BeforeEach
    void applications() {
        bed.validC3();
        bed.person(LI_ID, "李四", null);
        firstIssue = bed.firstIssueC3();
        bed.clock.advance(Duration.ofMinutes(1));
        renewal = bed.onCertificate(ApplicationType.RENEWAL, C3_NO);
        bed.clock.advance(Duration.ofMinutes(1));
        bed.service.create(LI_ID, new NewApplication(ApplicationType.FIRST_ISSUE, Category.B, Position.P07, null, null, null));
        bed.clock.advance(Duration.ofMinutes(1));
        cancellation = bed.onCertificate(ApplicationType.CANCELLATION, C3_NO);
    }

    private static ApplicationQuery query(ApplicationType type, ApplicationStatus status, int page, int size) {
        return new ApplicationQuery(type, status, page, size);
    }

    private List<String> numbers(Page<Application> page) {
        return page.items().stream().map(Application::applicationNo).toList();
    }

    @Test
    void theOwnerReadsTheirApplication() {
        assertEquals(renewal, bed.service.get(ZHANG_ID, renewal.applicationNo()));
    }

    @Test
    void someoneElsesApplicationIsNotFound() {
        DomainProblem problem = refused(() -> bed.service.get(LI_ID, renewal.applicationNo()));

        assertEquals(DomainProblem.Kind.NOT_FOUND, problem.kind());
        assertEquals("NOT_FOUND", problem.code());
    }

    @Test
    void anUnknownNumberIsNotFound() {
        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.service.get(ZHANG_ID, "W2026112799999")).kind());
    }

    @Test
    void someoneElsesAuditTrailIsNotFound() {
        assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> bed.service.events(LI_ID, renewal.applicationNo())).kind());
    }

    @Test
    void theListShowsOnlyOwnApplicationsNewestFirst() {
        Page<Application> page = bed.service.list(ZHANG_ID, query(null, null, 1, 10));

        assertEquals(List.of(cancellation.applicationNo(), renewal.applicationNo(), firstIssue.applicationNo()), numbers(page));
        assertEquals(3, page.total());
        assertEquals(1, page.page());
        assertEquals(10, page.size());
    }

    @Test
    void someoneElsesApplicationsAreNotListed() {
        Page<Application> page = bed.service.list(LI_ID, query(null, null, 1, 10));

        assertEquals(1, page.total());
        assertTrue(page.items().stream().allMatch(a -> a.applicantIdNo().equals(LI_ID)));
    }

    @Test
    void theListFiltersByType() {
        Page<Application> page = bed.service.list(ZHANG_ID, query(ApplicationType.RENEWAL, null, 1, 10));

        assertEquals(List.of(renewal.applicationNo()), numbers(page));
        assertEquals(1, page.total());
    }

    @Test
    void theListFiltersByStatus() {
        bed.advance(renewal, ApplicationStatus.AWAITING_ENTERPRISE);

        assertEquals(List.of(renewal.applicationNo()),
                numbers(bed.service.list(ZHANG_ID, query(null, ApplicationStatus.AWAITING_ENTERPRISE, 1, 10))));
        assertEquals(List.of(cancellation.applicationNo(), firstIssue.applicationNo()),
                numbers(bed.service.list(ZHANG_ID, query(null, ApplicationStatus.DRAFT, 1, 10))));
    }

    @Test
    void typeAndStatusFiltersCombine() {
        bed.advance(renewal, ApplicationStatus.AWAITING_ENTERPRISE);

        assertEquals(0, bed.service.list(ZHANG_ID, query(ApplicationType.RENEWAL, ApplicationStatus.DRAFT, 1, 10)).total());
        assertEquals(1, bed.service.list(ZHANG_ID, query(ApplicationType.CANCELLATION, ApplicationStatus.DRAFT, 1, 10)).total());
    }

    @Test
    void theListIsPagedNewestFirst() {
        Page<Application> first = bed.service.list(ZHANG_ID, query(null, null, 1, 2));
        Page<Application> second = bed.service.list(ZHANG_ID, query(null, null, 2, 2));

        assertEquals(List.of(cancellation.applicationNo(), renewal.applicationNo()), numbers(first));
        assertEquals(List.of(firstIssue.applicationNo()), numbers(second));
        assertEquals(3, first.total());
        assertEquals(3, second.total());
        assertEquals(2, second.page());
    }

    @Test
    void aPageBeyondTheEndIsEmpty() {
        Page<Application> page = bed.service.list(ZHANG_ID, query(null, null, 3, 2));

        assertTrue(page.items().isEmpty());
        assertEquals(3, page.total());
    }

    @Test
    void theListOrderIsByCreationNotByLastChange() {
        bed.save(firstIssue, new ApplicationChanges("021-12345678", null, null, null, null, null, 1L));

        assertEquals(List.of(cancellation.applicationNo(), renewal.applicationNo(), firstIssue.applicationNo()),
                numbers(bed.service.list(ZHANG_ID, query(null, null, 1, 10))));
    }
}
