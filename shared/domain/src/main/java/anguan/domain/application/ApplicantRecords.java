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
 *
 * <p>How fresh each read is (DynamoDB): the person, the employments, the exams and a national
 * record are read by key or from the person's partition, strongly consistent. The person's
 * certificates ({@link #certificates}) come from an index (holder → certificates), which may be a
 * moment behind the last write; the checks that read them (CategoryNotAlreadyHeld,
 * NoValidCertificateAtOtherEnterprise, CertificateHeldAndValid, RenewalWindowOpen,
 * ContinuingEducationWithinValidity, SomethingToMove) may so judge a certificate as it stood a
 * moment ago. That is safe: certificates change only through the migration feed, which is no
 * person's concurrent action (a read a moment late is the submit arriving a moment earlier), and
 * through the effect of an approved application, which held the claim on that certificate or
 * category while it was open (ApplicationClaims) and whose effect follows its decision
 * asynchronously in any case. 签名上报 is the first gate, not the last: the review and the
 * issuing of the effect (later work) must judge the certificate again, read by its number, and
 * write conditionally.
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
