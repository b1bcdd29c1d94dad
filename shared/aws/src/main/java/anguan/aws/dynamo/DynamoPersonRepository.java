package anguan.aws.dynamo;

import anguan.domain.common.Versioned;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Worker registry, employments and exams under the person's partition; entries and employments are versioned. */
public final class DynamoPersonRepository implements PersonRepository {
    private final Table table;

    public DynamoPersonRepository(Table table) {
        this.table = table;
    }

    @Override
    public Optional<Versioned<Person>> findVersioned(String idNo) {
        return table.getVersioned(Keys.person(idNo), "PROFILE", Person.class);
    }

    @Override
    public boolean insert(Person person) {
        return table.insert(item(person));
    }

    @Override
    public boolean update(Person person, long expectedVersion) {
        return table.update(item(person), expectedVersion);
    }

    @Override
    public List<Employment> employments(String idNo) {
        return table.query(null, Keys.PK, Keys.person(idNo), Keys.SK, "EMPLOYMENT#", false).stream()
                .map(i -> Table.read(i, Employment.class)).toList();
    }

    @Override
    public Optional<Versioned<Employment>> findEmployment(String idNo, String uscc) {
        return table.getVersioned(Keys.person(idNo), employmentSk(uscc), Employment.class);
    }

    @Override
    public boolean insertEmployment(Employment employment) {
        return table.insert(item(employment));
    }

    @Override
    public boolean updateEmployment(Employment employment, long expectedVersion) {
        return table.update(item(employment), expectedVersion);
    }

    @Override
    public boolean deleteEmployment(String idNo, String uscc) {
        return table.delete(Keys.person(idNo), employmentSk(uscc));
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

    private static Map<String, AttributeValue> item(Person person) {
        return Table.item(Keys.person(person.idNo()), "PROFILE", person);
    }

    private static Map<String, AttributeValue> item(Employment e) {
        var item = Table.item(Keys.person(e.idNo()), employmentSk(e.uscc()), e);
        item.put(Keys.GSI1_PK, Table.s("EMPLOYER#" + e.uscc()));
        item.put(Keys.GSI1_SK, Table.s("EMPLOYEE#" + e.idNo()));
        return item;
    }

    private static String employmentSk(String uscc) {
        return "EMPLOYMENT#" + uscc;
    }
}
