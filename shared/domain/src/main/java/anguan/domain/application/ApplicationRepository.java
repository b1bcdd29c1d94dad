package anguan.domain.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: applications and their audit trail. Writes are optimistic: {@link #update} succeeds only
 * over the version it was read at, so two saves never silently overwrite each other.
 *
 * <p>A person's action changes the application and adds a line to its trail in one call
 * ({@link #insert(Application, ApplicationEvent)}, {@link #update(Application, long, ApplicationEvent)}):
 * there are no transactions, so the adapter must make sure that a function dying between the two
 * writes loses neither, and that an event is never recorded for a change that did not happen.
 */
public interface ApplicationRepository {
    Optional<Application> find(String applicationNo);

    /**
     * The applicant's applications, deleted ones included, newest first. Read from an index that
     * may be a moment behind (DynamoDB): fine for lists and for the 不得重复申请 check, whose races
     * the claims decide; never the ground for a write (read the application by number for that).
     */
    List<Application> ofApplicant(String idNo);

    /**
     * The applications naming an enterprise, deleted ones included, newest first; from an index
     * that may be a moment behind (lists only, never the ground for a write).
     */
    List<Application> ofEnterprise(String uscc);

    /**
     * The applications in a status that entered it ({@link Application#enteredStatusAt()}) between
     * {@code since} and {@code until}, both included, either null for open; deleted ones excluded;
     * the latest to enter first (ties: the higher number first). The window is the key range read,
     * so the cost follows the window, not the status's history. From an index that may be a moment
     * behind (lists only).
     */
    List<Application> ofStatus(ApplicationStatus status, Instant since, Instant until);

    /** Writes a new application; fails if the number is taken. */
    void insert(Application application);

    /** Writes a new application with the event that created it; fails if the number is taken. */
    void insert(Application application, ApplicationEvent event);

    /**
     * Replaces the stored application if its version is still {@code expectedVersion}.
     *
     * @throws anguan.domain.common.DomainProblem CONCURRENT_UPDATE when someone else wrote first
     */
    void update(Application application, long expectedVersion);

    /**
     * As {@link #update(Application, long)}, with the event that says what the change was: the
     * event is in the trail if and only if the change was written.
     */
    void update(Application application, long expectedVersion, ApplicationEvent event);

    /**
     * A line of the trail that goes with no change of the application (e.g. an SMS sent). The same
     * line appended twice (same instant, action and actor: a retried step) is kept once.
     */
    void append(ApplicationEvent event);

    /** Oldest first. */
    List<ApplicationEvent> events(String applicationNo);
}
