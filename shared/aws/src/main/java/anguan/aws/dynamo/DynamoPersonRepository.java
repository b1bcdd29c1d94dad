package anguan.aws.dynamo;

import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import java.util.List;
import java.util.Optional;

/** Worker registry, employments and exams under the person's partition. */
public final class DynamoPersonRepository implements PersonRepository {
    private final Table table;

    public DynamoPersonRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Person> find(String idNo) {
        return table.get(Keys.person(idNo), "PROFILE").map(i -> Table.read(i, Person.class));
    }

    @Override
    public void save(Person person) {
        table.put(Table.item(Keys.person(person.idNo()), "PROFILE", person));
    }

    @Override
    public List<Employment> employments(String idNo) {
        return table.query(null, Keys.PK, Keys.person(idNo), Keys.SK, "EMPLOYMENT#", false).stream()
                .map(i -> Table.read(i, Employment.class)).toList();
    }

    @Override
    public void saveEmployment(Employment e) {
        var item = Table.item(Keys.person(e.idNo()), "EMPLOYMENT#" + e.uscc(), e);
        item.put(Keys.GSI1_PK, Table.s("EMPLOYER#" + e.uscc()));
        item.put(Keys.GSI1_SK, Table.s("EMPLOYEE#" + e.idNo()));
        table.put(item);
    }

    @Override
    public boolean deleteEmployment(String idNo, String uscc) {
        return table.delete(Keys.person(idNo), "EMPLOYMENT#" + uscc);
    }

    @Override
    public List<ExamResult> exams(String idNo) {
        return table.query(null, Keys.PK, Keys.person(idNo), Keys.SK, "EXAM#", false).stream()
                .map(i -> Table.read(i, ExamResult.class)).toList();
    }

    @Override
    public void saveExam(ExamResult e) {
        table.put(Table.item(Keys.person(e.idNo()), "EXAM#" + e.examType() + "#" + e.category() + "#" + e.examDate(), e));
    }
}
