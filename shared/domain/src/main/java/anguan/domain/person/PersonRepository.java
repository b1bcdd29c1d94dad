package anguan.domain.person;

import anguan.domain.common.Versioned;
import java.util.List;
import java.util.Optional;

/**
 * Port: the worker registry, employments and exam results, all keyed by the person's ID number.
 * A write that follows a read is conditional, so two feeds merged at once never lose each other's
 * fields: {@code insert} only where nothing is stored, {@code update} only over the version read.
 * Both answer false, writing nothing, when someone else wrote first.
 */
public interface PersonRepository {
    default Optional<Person> find(String idNo) {
        return findVersioned(idNo).map(Versioned::value);
    }

    Optional<Versioned<Person>> findVersioned(String idNo);

    /** @return false when the person is already registered */
    boolean insert(Person person);

    /** @return false when the stored entry is no longer at {@code expectedVersion}, or is gone */
    boolean update(Person person, long expectedVersion);

    /** Every employment of the person, current or not. */
    List<Employment> employments(String idNo);

    Optional<Versioned<Employment>> findEmployment(String idNo, String uscc);

    /** @return false when this employment is already registered */
    boolean insertEmployment(Employment employment);

    /** @return false when the stored employment is no longer at {@code expectedVersion}, or is gone */
    boolean updateEmployment(Employment employment, long expectedVersion);

    /** @return whether there was one to remove */
    boolean deleteEmployment(String idNo, String uscc);

    List<ExamResult> exams(String idNo);

    /** A sitting is written whole, never merged: the same sitting sent again replaces itself. */
    void saveExam(ExamResult exam);
}
