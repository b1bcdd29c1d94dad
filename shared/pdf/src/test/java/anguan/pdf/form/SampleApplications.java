package anguan.pdf.form;

import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.CancelReason;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.ExternalCertificate;
import anguan.domain.certificate.Position;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;

/** One filled application of each type, as 签名上报 would see it, for the form tests. */
public final class SampleApplications {

    public static final String NAME = "欧阳晓燕";
    public static final String ID_NO = "11010519491231002X";
    static final String MOBILE = "13812345678";
    public static final String ENTERPRISE = "上海申城建设工程有限公司";
    public static final String USCC = "91350100M000100Y43";
    static final String ENTERPRISE_PHONE = "021-64001234";
    static final String OLD_ENTERPRISE = "上海浦江市政工程有限公司";
    static final String CERTIFICATE_NO = "沪建安C3（2024）0000123";
    static final String OUT_OF_PROVINCE_NO = "鲁建安C1（2023）0004567";
    static final Instant CREATED = Instant.parse("2024-06-14T02:30:00Z");

    private SampleApplications() {
    }

    public static Application of(ApplicationType type) {
        Application.Builder b = Application.builder()
                .applicationNo("W2024061400" + (10 + type.ordinal()))
                .type(type)
                .applicant(new Applicant(NAME, Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ID_NO, MOBILE))
                .enterprise(new ApplicationEnterprise(USCC, ENTERPRISE, ENTERPRISE_PHONE))
                .consent(true)
                .createdAt(CREATED)
                .updatedAt(CREATED)
                .version(1);
        return switch (type) {
            case FIRST_ISSUE -> b.category(Category.A).position(Position.P03)
                    .exams(List.of(new ExamResult(ID_NO, ExamType.INITIAL, Category.A, LocalDate.of(2024, 5, 1), true)))
                    .build();
            case RENEWAL -> b.category(Category.C3).position(Position.P08)
                    .certificates(List.of(certificate(Category.C3, CERTIFICATE_NO, ENTERPRISE)))
                    .exams(List.of(new ExamResult(ID_NO, ExamType.CONTINUING, Category.C3, LocalDate.of(2024, 3, 2), true)))
                    .build();
            case EMPLOYER_CHANGE -> b.certificates(List.of(
                            certificate(Category.C3, CERTIFICATE_NO, OLD_ENTERPRISE),
                            certificate(Category.B, "沪建安B（2023）0000456", OLD_ENTERPRISE)))
                    .build();
            case TRANSFER_IN -> b.category(Category.C1).position(Position.P08)
                    .originalCertificateNo(OUT_OF_PROVINCE_NO)
                    .originalCertificate(new ExternalCertificate(OUT_OF_PROVINCE_NO, ID_NO, NAME, Category.C1,
                            "山东齐鲁建工集团有限公司", LocalDate.of(2023, 7, 6), LocalDate.of(2026, 7, 6), true))
                    .build();
            case TRANSFER_OUT -> b.category(Category.C3).position(Position.P08)
                    .certificates(List.of(certificate(Category.C3, CERTIFICATE_NO, ENTERPRISE)))
                    .build();
            case CANCELLATION -> b.category(Category.C3).position(Position.P08)
                    .certificates(List.of(certificate(Category.C3, CERTIFICATE_NO, ENTERPRISE)))
                    .cancelReason(CancelReason.CONTRACT_ENDED)
                    .build();
        };
    }

    static Certificate certificate(Category category, String number, String enterprise) {
        return new Certificate(number, ID_NO, NAME, category, category == Category.B ? Position.P07 : Position.P08,
                USCC, enterprise, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2027, 4, 30),
                CertificateStatus.VALID, "photos/" + ID_NO + ".jpg", 1, null, null);
    }

    /** A small portrait photo (JPEG), drawn here so the tests need no binary fixture. */
    public static byte[] photo() {
        BufferedImage image = new BufferedImage(120, 168, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(70, 130, 200));
        g.fillRect(0, 0, 120, 168);
        g.setColor(new Color(240, 210, 180));
        g.fillOval(30, 25, 60, 75);
        g.fillRect(15, 110, 90, 58);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
