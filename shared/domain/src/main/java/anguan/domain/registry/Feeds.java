package anguan.domain.registry;

/**
 * What the registries send, field by field, as received: every field may be absent (a field left
 * out keeps its stored value) and nothing is trusted until {@link RegistryService} has checked it.
 */
public final class Feeds {
    private Feeds() {
    }

    /** 从业人员信息登记. {@code photo} and {@code signatureImage} are base64. */
    public record PersonFeed(String name, String gender, String birthDate, String idType, String mobile,
                             String photo, String signatureImage) {
    }

    /**
     * 企业信息. {@code contactMobile} receives the enterprise's notifications (SMS);
     * {@code signingPassword} (local CA only) guards the enterprise's platform-held key.
     */
    public record EnterpriseFeed(String name, String contactMobile, String signingPassword) {
    }

    /** 聘用登记. */
    public record EmploymentFeed(String since, String until) {
    }

    /** 考试通过信息. */
    public record ExamFeed(String idNo, String examType, String category, String examDate, Boolean passed) {
    }

    /** 全国平台 record of an out-of-province certificate. */
    public record ExternalCertificateFeed(String idNo, String name, String category, String enterpriseName,
                                          String validFrom, String validTo, Boolean transferredOut) {
    }

    /** One-off migration of an existing Shanghai certificate. {@code photo} is base64. */
    public record CertificateFeed(String idNo, String category, String position, String uscc, String firstIssueDate,
                                  String validFrom, String validTo, String status, String photo) {
    }
}
