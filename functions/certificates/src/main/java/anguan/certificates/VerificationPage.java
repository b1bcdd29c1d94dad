package anguan.certificates;

import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.PublicCertificate;
import anguan.domain.common.DomainProblem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verification as a small Chinese page for a phone (证书核验): UTF-8, a viewport, one inline
 * style sheet and nothing else (no script, no image, no external resource), every value HTML-escaped
 * and a banner that says at a glance whether the certificate is valid (有效, green) or not (失效,
 * 注销, 办理转出, 暂扣, 撤销, red). Only the facts of {@link PublicCertificate}: never the ID number,
 * never the photo.
 */
final class VerificationPage {
    private static final String STYLE = """
            body{margin:0;font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f5f7;color:#1f2329}
            main{max-width:32rem;margin:0 auto;padding:1rem}
            h1{font-size:1.15rem;text-align:center;margin:.5rem 0 1rem}
            .banner{border-radius:.5rem;padding:.9rem;text-align:center;font-size:1.4rem;font-weight:bold;color:#fff}
            .valid{background:#1e8e3e}.invalid{background:#c5221f}
            dl{background:#fff;border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
            dt{color:#646a73;font-size:.85rem;margin-top:.6rem}dd{margin:.1rem 0 .5rem;word-break:break-all}
            footer{color:#8f959e;font-size:.8rem;text-align:center}""";
    /** Only this style sheet may apply (by its hash); nothing may load, run, frame the page or submit it. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String ISSUER = "上海市住房和城乡建设管理委员会";

    private VerificationPage() {
    }

    static APIGatewayV2HTTPResponse of(PublicCertificate c) {
        boolean valid = c.status() == CertificateStatus.VALID;
        StringBuilder body = new StringBuilder()
                .append("<div class=\"banner ").append(valid ? "valid" : "invalid").append("\">")
                .append(escape(c.status().displayName())).append("</div>\n<dl>\n");
        row(body, "证书编号", c.certificateNo());
        row(body, "状态", c.status().displayName() + "（" + c.status().nationalCode() + "）");
        row(body, "姓名", c.maskedName());
        row(body, "类别", c.category() == null ? null : c.category().code() + " " + c.category().displayName());
        row(body, "企业名称", c.enterpriseName());
        row(body, "有效期", date(c.validFrom()) + " 至 " + date(c.validTo()));
        if (c.licenceId() != null) {
            row(body, "证照标识", c.licenceId());
        }
        body.append("</dl>\n<footer>发证机关：").append(ISSUER).append("</footer>\n");
        return page(200, "证书核验 " + c.certificateNo(), body.toString());
    }

    /** A refusal as a page: 未查询到该证书 for an unknown number; for a malformed one (400) what the problem says. */
    static APIGatewayV2HTTPResponse refused(int status, DomainProblem p) {
        boolean unknown = p.kind() == DomainProblem.Kind.NOT_FOUND;
        String body = "<div class=\"banner invalid\">" + (unknown ? "未查询到该证书" : "无法核验该证书") + "</div>\n<dl>\n<dt>说明</dt><dd>"
                + escape(unknown ? "请核对证书编号，或联系发证机关" + ISSUER : p.getMessage()) + "</dd>\n</dl>\n";
        return page(status, "证书核验", body);
    }

    /** Escapes the five characters that could end a text or an attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<dt>").append(label).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static APIGatewayV2HTTPResponse page(int status, String title, String main) {
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + "<h1>安全生产考核合格证书核验</h1>\n" + main + "</main>\n</body>\n</html>\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/html; charset=utf-8");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(html).build();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
