package anguan.domain.application;

import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import anguan.domain.certificate.CertificateRepository;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.person.Employment;
import anguan.domain.person.ExamResult;
import anguan.domain.person.Person;
import anguan.domain.person.PersonRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the registries hold about one applicant, read once per request and only when asked for:
 * prefill and the checks of 签名上报 look at the same records, so they share one read of each.
 */
final class ApplicantRecords {
    private final Supplier<Optional<Person>> person;
    private final Supplier<List<Employment>> employments;
    private final Supplier<List<ExamResult>> exams;
    private final Supplier<List<Certificate>> certificates;
    private final CertificateRepository certificateRepository;
    private Optional<ExternalCertificate> external;
    private String externalNo;

    ApplicantRecords(String idNo, PersonRepository persons, CertificateRepository certificates) {
        this.person = once(() -> persons.find(idNo));
        this.employments = once(() -> persons.employments(idNo));
        this.exams = once(() -> persons.exams(idNo));
        this.certificates = once(() -> certificates.ofHolder(idNo));
        this.certificateRepository = certificates;
    }

    Optional<Person> person() {
        return person.get();
    }

    List<Employment> employments() {
        return employments.get();
    }

    List<ExamResult> exams() {
        return exams.get();
    }

    /** Every Shanghai certificate the applicant holds, whatever its status. */
    List<Certificate> certificates() {
        return certificates.get();
    }

    /** The national platform's record of this number, whoever it belongs to. */
    Optional<ExternalCertificate> external(String certificateNo) {
        if (CertificateNumber.parse(certificateNo).isEmpty()) {
            // The national platform's feed stores well-formed numbers only: nothing to look up.
            return Optional.empty();
        }
        if (!certificateNo.equals(externalNo)) {
            external = certificateRepository.findExternal(certificateNo);
            externalNo = certificateNo;
        }
        return external;
    }

    private static <T> Supplier<T> once(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
