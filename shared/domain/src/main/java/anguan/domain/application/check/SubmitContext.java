package anguan.domain.application.check;

import anguan.domain.application.Application;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the checks of 签名上报 look at, read once from the registries and repositories. Checks
 * are pure functions of this snapshot.
 *
 * @param person the worker registry entry of the applicant, if registered
 * @param employments the applicant's employments (current or not)
 * @param enterprise the registry entry of the application's enterprise, if any
 * @param exams all exam results of the applicant
 * @param certificates all Shanghai certificates of the applicant, fresh from the repository
 * @param external the national record named by {@code originalCertificateNo} (TRANSFER_IN), if it exists
 * @param otherApplications the applicant's other applications (deleted ones may be included; checks skip them)
 */
public record SubmitContext(LocalDate today, Application application, Optional<Person> person,
                            List<Employment> employments, Optional<Enterprise> enterprise, List<ExamResult> exams,
                            List<Certificate> certificates, Optional<ExternalCertificate> external,
                            List<Application> otherApplications) {
}
