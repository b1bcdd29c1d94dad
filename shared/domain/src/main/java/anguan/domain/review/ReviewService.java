package anguan.domain.review;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEvent;
import anguan.domain.application.ApplicationEvent.Action;
import anguan.domain.application.ApplicationNumber;
import anguan.domain.application.ApplicationRepository;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.DecisionResult;
import anguan.domain.application.Page;
import anguan.domain.application.claim.ApplicationClaims;
import anguan.domain.application.claim.ClaimRepository;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.issuance.IssueOrder;
import anguan.domain.issuance.IssueQueue;
import anguan.domain.notification.Notice;
import anguan.domain.notification.NoticeQueue;
import anguan.domain.notification.NoticeTexts;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 审批: the reviewers' queue, the details and trail of every application that reached them, and
 * the decision, 准予许可 (APPROVE) or 不予许可 (REJECT, with an opinion).
 *
 * <p>A decision is final and is written only over the version read, so of two reviewers deciding at
 * once exactly one is recorded and the other is a 409. There are no transactions, so the order is
 * the one EnterpriseSigningService keeps: what tells of the decision is handed over before the
 * write it tells of (the certificate queue's order on APPROVE, the person's and the enterprise's
 * SMS), each under an id that names the decision, so a retry hands over the same again; the
 * issue-certificate consumer acts only on an APPROVED application and the notifier sends only once
 * the decision is there, so an order or notice for a write that never landed does nothing. After
 * the write a rejection releases the application's claims (不得重复申请 no longer holds it); a retry
 * that finds the decision already recorded finishes that release before it answers 409.
 */
public final class ReviewService {
    private static final String REVIEWER = "reviewer";
    /** Long enough for any reasoned 审批意见, short enough for one SMS thread and one form row. */
    public static final int MAX_OPINION = 500;

    private final ApplicationRepository applications;
    private final ApplicationClaims claims;
    private final IssueQueue issues;
    private final NoticeQueue notices;
    private final PersonRepository persons;
    private final EnterpriseRepository enterprises;
    private final Clock clock;

    public ReviewService(ApplicationRepository applications, ClaimRepository claims, IssueQueue issues, NoticeQueue notices,
                         PersonRepository persons, EnterpriseRepository enterprises, Clock clock) {
        this.applications = applications;
        this.claims = new ApplicationClaims(claims, applications);
        this.issues = issues;
        this.notices = notices;
        this.persons = persons;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /**
     * GET /review/applications: the queue (UNDER_REVIEW unless asked otherwise), the latest to enter
     * the status first. The days {@code from}/{@code to} are those it entered its status: the
     * enterprise's signature (受理) for the queue, the decision for APPROVED and REJECTED; a decided
     * status is read in a window of at most a year, the last 31 days unless asked otherwise
     * ({@link ReviewWindow}). Only the window is read; name, ID number and type are filters within it.
     */
    public Page<Application> list(ReviewQuery query) {
        ReviewWindow window = ReviewWindow.of(query.status(), query.from(), query.to(), BusinessTime.today(clock));
        if (!reachedReview(query.status())) {
            // DRAFT and AWAITING_ENTERPRISE are the parties' business: nothing of theirs is listed.
            return Page.of(List.of(), query.page(), query.size());
        }
        List<Application> found = applications.ofStatus(query.status(), window.since(), window.until()).stream()
                .filter(a -> !a.isDeleted() && a.status() == query.status())
                .filter(a -> query.type() == null || a.type() == query.type())
                .filter(a -> query.name() == null || (a.applicant().name() != null && a.applicant().name().contains(query.name())))
                .filter(a -> query.idNo() == null || query.idNo().equalsIgnoreCase(a.applicantIdNo()))
                .toList();
        return Page.of(found, query.page(), query.size());
    }

    /** GET /review/applications/{no}: any application that reached the reviewers; others do not exist for them. */
    public Application get(String applicationNo) {
        return find(applicationNo).orElseThrow(() -> DomainProblem.notFound("未找到申请：" + Masking.echoed(applicationNo)));
    }

    /** GET /review/applications/{no}/events: the whole trail, oldest first. */
    public List<ApplicationEvent> events(String applicationNo) {
        get(applicationNo);
        return applications.events(applicationNo);
    }

    /**
     * POST /review/applications/{no}/decision.
     *
     * @param seenVersion the version the reviewer looked at, when the client sends it: a decision on
     *                    an application that changed since is refused (409) rather than taken blind
     */
    public Application decide(String reviewerId, String applicationNo, DecisionResult.Outcome outcome, String opinion, Long seenVersion) {
        Application current = get(applicationNo);
        if (current.status().isDecided()) {
            finishClosing(current);
            throw DomainProblem.invalidState("该申请已审批（" + current.status().displayName() + "），审批决定不能更改");
        }
        if (current.status() != ApplicationStatus.UNDER_REVIEW) {
            throw DomainProblem.invalidState("申请处于“" + current.status().displayName() + "”状态，不能审批");
        }
        if (seenVersion != null && seenVersion != current.version()) {
            throw DomainProblem.concurrentUpdate();
        }
        if (outcome == null) {
            throw DomainProblem.refused("DECISION_REQUIRED", "请选择审批结果：准予许可（APPROVE）或不予许可（REJECT）");
        }
        String said = opinion == null || opinion.isBlank() ? null : opinion.strip();
        if (outcome == DecisionResult.Outcome.REJECT && said == null) {
            throw DomainProblem.refused("OPINION_REQUIRED", "不予许可时必须填写审批意见");
        }
        if (said != null && said.length() > MAX_OPINION) {
            throw DomainProblem.refused("OPINION_TOO_LONG", "审批意见不能超过" + MAX_OPINION + "字");
        }
        Instant now = clock.instant();
        Application decided = current.toBuilder()
                .status(outcome == DecisionResult.Outcome.APPROVE ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED)
                .decision(new DecisionResult(outcome, said)).decidedAt(now).updatedAt(now).version(current.version() + 1).build();
        handOver(current, decided, now);
        applications.update(decided, current.version(),
                new ApplicationEvent(applicationNo, now, REVIEWER, reviewerId, Action.DECIDED));
        finishClosing(decided);
        return decided;
    }

    /**
     * What tells of the decision, handed over before its write: the certificate order (APPROVE),
     * then the person's and the enterprise's SMS in one hand-over. The order does not wait on the
     * reads the notices need (the person's mobile, the enterprise's), so the three run at once; the
     * order is waited for before the notices go, so the hand-overs keep one order, and all of them
     * before the caller writes. Any failure is thrown before the write.
     */
    private void handOver(Application current, Application decided, Instant now) {
        try (ExecutorService together = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> order = decided.status() == ApplicationStatus.APPROVED
                    ? together.submit(() -> issues.publish(IssueOrder.approved(decided.applicationNo(), now))) : null;
            Future<Optional<String>> enterpriseMobile = together.submit(() -> Optional.ofNullable(current.enterprise())
                    .flatMap(e -> enterprises.find(e.uscc())).map(Enterprise::contactMobile).filter(m -> !m.isBlank()));
            Optional<String> personMobile = persons.find(current.applicantIdNo()).map(Person::mobile).filter(m -> !m.isBlank());
            if (order != null) {
                joined(order);
            }
            List<Notice> told = new ArrayList<>(2);
            personMobile.ifPresent(mobile -> told.add(NoticeTexts.decidedForPerson(decided, mobile, now)));
            joined(enterpriseMobile).ifPresent(mobile -> told.add(NoticeTexts.decidedForEnterprise(decided, mobile, now)));
            if (!told.isEmpty()) {
                notices.publishAll(told);
            }
        }
    }

    /** The task's result, its failure thrown as it was thrown. */
    private static <T> T joined(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over the decision", e);
        }
    }

    /** A rejected application holds nothing any more; an approved one keeps its claims until its effect is applied. */
    private void finishClosing(Application decided) {
        if (decided.status() == ApplicationStatus.REJECTED) {
            claims.release(decided);
        }
    }

    private Optional<Application> find(String applicationNo) {
        if (!ApplicationNumber.isValid(applicationNo)) {
            return Optional.empty();
        }
        return applications.find(applicationNo).filter(a -> !a.isDeleted() && reachedReview(a.status()));
    }

    /** Reviewers see an application once the enterprise has signed it (受理): UNDER_REVIEW or decided. */
    static boolean reachedReview(ApplicationStatus status) {
        return status == ApplicationStatus.UNDER_REVIEW || status.isDecided();
    }
}
