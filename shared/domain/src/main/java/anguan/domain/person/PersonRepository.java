package anguan.domain.person;

import java.util.List;
import java.util.Optional;

/** Port: the worker registry, employments and exam results, all keyed by the person's ID number. */
public interface PersonRepository {
    Optional<Person> find(String idNo);

    void save(Person person);

    /** Every employment of the person, current or not. */
    List<Employment> employments(String idNo);

    void saveEmployment(Employment employment);

    /** @return whether there was one to remove */
    boolean deleteEmployment(String idNo, String uscc);

    List<ExamResult> exams(String idNo);

    void saveExam(ExamResult exam);
}
