package anguan.domain.testing;

import anguan.domain.application.Application;
import anguan.domain.common.DomainProblem;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.signing.AcceptanceNoticeRenderer;
import anguan.domain.signing.FormSigner;
import anguan.domain.signing.SigningSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signatures as lines of text appended to the document, for service tests that need no PDF
 * library: each line names its signer, and "verifying" is finding the person's line intact. A
 * token's "CMS" is {@link #cmsFor} of the prepared digest. Deterministic (no instants in the bytes),
 * so a retried step writes the same document as the first try.
 */
public final class TextSignatures implements FormSigner, AcceptanceNoticeRenderer {
    private static final String PERSON = "\n--signed by person ";
    private static final String ENTERPRISE = "\n--signed by enterprise ";
    private static final String PLACEHOLDER = "\n--placeholder for ";

    @Override
    public byte[] signAsPerson(byte[] form, PersonSignatory person, Instant at) {
        return concat(form, PERSON + person.idNo() + " " + person.name() + (person.signatureImage() == null ? " (seal)" : " (image)"));
    }

    @Override
    public boolean hasValidPersonSignature(byte[] signed, String idNo) {
        return text(signed).contains(PERSON + idNo + " ");
    }

    @Override
    public Optional<byte[]> signAsEnterprise(byte[] signed, EnterpriseSignatory enterprise, String password, Instant at) {
        if (!SigningPassword.matches(password, enterprise.signingPasswordHash())) {
            return Optional.empty();
        }
        return Optional.of(concat(signed, ENTERPRISE + enterprise.uscc()));
    }

    @Override
    public TokenSigning prepareForToken(byte[] signed, EnterpriseSignatory enterprise, byte[] certificate, Instant at) {
        String holder = new String(certificate, StandardCharsets.UTF_8);
        if (!holder.equals("token of " + enterprise.uscc())) {
            throw DomainProblem.refused("CMS_WRONG_ENTERPRISE", "证书不属于本企业");
        }
        byte[] prepared = concat(signed, PLACEHOLDER + enterprise.uscc());
        return new TokenSigning(prepared, new long[] {0, prepared.length, prepared.length, 0}, sha256(prepared));
    }

    @Override
    public byte[] completeWithToken(byte[] prepared, SigningSession session, byte[] cms, Instant now) {
        if (!new String(cms, StandardCharsets.UTF_8).equals(cmsFor(session.digest()))) {
            throw DomainProblem.refused("CMS_DIGEST_MISMATCH", "签名值与待签摘要不符");
        }
        return concat(prepared, ENTERPRISE + session.uscc() + " (token)");
    }

    /** What a token of this fake would answer for a digest. */
    public static String cmsFor(byte[] digest) {
        return "cms over " + HexFormat.of().formatHex(digest);
    }

    /** A token certificate of this fake for an enterprise. */
    public static byte[] tokenCertificate(String uscc) {
        return ("token of " + uscc).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public RenderedNotice render(Application accepted, Instant acceptedAt) {
        return new RenderedNotice("行政审批受理通知书_" + accepted.applicationNo() + ".pdf",
                ("行政审批受理通知书\n" + accepted.applicationNo() + "\n" + accepted.applicant().name()).getBytes(StandardCharsets.UTF_8));
    }

    public static String text(byte[] document) {
        return new String(document, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] document, String line) {
        return (text(document) + line).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
