package anguan.domain.application.check;

import anguan.domain.certificate.Certificate;
import anguan.domain.common.Violation;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import java.util.List;

/**
 * 证书延期: 证书有效期内通过该类别的继续教育考试 (a continuing-education exam of the certificate's
 * category passed between its validFrom and today, within its validTo).
 */
public final class ContinuingEducationWithinValidity implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        return context.application().certificates().stream()
                .flatMap(picked -> SubmitFacts.ownCertificate(context, picked.certificateNo()).stream())
                .filter(c -> !passedWithin(c, context))
                .map(c -> ViolationCode.CONTINUING_EDUCATION_MISSING.violation("certificateNo",
                        "未查询到证书%s有效期内（%s 起）%s类继续教育考试通过信息，请通过继续教育考试后再申请延期"
                                .formatted(c.certificateNo(), c.validFrom(), c.category().code())))
                .toList();
    }

    private static boolean passedWithin(Certificate certificate, SubmitContext context) {
        LocalDate last = certificate.validTo().isBefore(context.today()) ? certificate.validTo() : context.today();
        return context.exams().stream().anyMatch(e -> e.passed()
                && e.examType() == ExamType.CONTINUING
                && e.category() == certificate.category()
                && !e.examDate().isBefore(certificate.validFrom())
                && !e.examDate().isAfter(last));
    }
}
