package anguan.domain.testing;

import anguan.domain.certificate.ECertificateFace;
import anguan.domain.certificate.ECertificateRenderer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * E-certificates as lines of text, for service tests that need no OFD library: every face field on
 * a line of its own, the photo as hex. Deterministic, so a retried issue writes the same file.
 */
public final class TextECertificates implements ECertificateRenderer {

    @Override
    public RenderedCertificate render(ECertificateFace f) {
        String text = String.join("\n", "电子证书", "证书编号 " + f.certificateNo(), "姓名 " + f.name(), "性别 " + f.gender(),
                "出生日期 " + f.birthDate(), "身份证件号码 " + f.idNo(), "企业名称 " + f.enterpriseName(), "统一社会信用代码 " + f.uscc(),
                "职务 " + f.position(), "类别 " + f.category(), "初次领证日期 " + f.firstIssueDate(),
                "有效期 " + f.validFrom() + " 至 " + f.validTo(), "发证机关 " + f.issuer(), "发证日期 " + f.issueDate(),
                "照片 " + (f.photo() == null ? "(placeholder)" : HexFormat.of().formatHex(f.photo())),
                "二维码 " + f.verificationUrl(), "证照标识 " + f.licenceId());
        return new RenderedCertificate(f.certificateNo() + ".ofd", text.getBytes(StandardCharsets.UTF_8));
    }

    public static String text(byte[] ofd) {
        return new String(ofd, StandardCharsets.UTF_8);
    }
}
