package anguan.domain.application;

import java.util.List;
import java.util.Optional;

/**
 * Port: applications and their audit trail. Writes are optimistic: {@link #update} succeeds only
 * over the version it was read at, so two saves never silently overwrite each other.
 */
public interface ApplicationRepository {
    Optional<Application> find(String applicationNo);

    /** The applicant's applications, deleted ones included, newest first. */
    List<Application> ofApplicant(String idNo);

    /** Writes a new application; fails if the number is taken. */
    void insert(Application application);

    /**
     * Replaces the stored application if its version is still {@code expectedVersion}.
     *
     * @throws anguan.domain.common.DomainProblem CONCURRENT_UPDATE when someone else wrote first
     */
    void update(Application application, long expectedVersion);

    void append(ApplicationEvent event);

    /** Oldest first. */
    List<ApplicationEvent> events(String applicationNo);
}
