package anguan.domain.application;

import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import java.time.LocalDate;

/** The applicant as the worker registry has them, copied onto the application. */
public record Applicant(String name, Gender gender, LocalDate birthDate, IdType idType, String idNo, String mobile) {
}
