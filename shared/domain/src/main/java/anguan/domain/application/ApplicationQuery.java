package anguan.domain.application;

/** Filters and page of a list of applications (page counts from 1). */
public record ApplicationQuery(ApplicationType type, ApplicationStatus status, int page, int size) {
    public static final int MAX_SIZE = 100;
}
