package anguan.domain.common;

/** Port: atomic counters (application numbers per day, certificate serials per category and year). */
public interface Sequence {
    /** @return the next value of the named counter, starting at 1 */
    long next(String counter);
}
