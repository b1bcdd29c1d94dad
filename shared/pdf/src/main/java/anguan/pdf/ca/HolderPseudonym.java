package anguan.pdf.ca;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a person's certificate carries instead of the ID number (身份证号). A real 个人数字证书 names
 * the holder and identifies them by the ID number; ours puts a keyed hash of it in the subject's
 * {@code serialNumber} ("PSN-" and 32 hex digits of HMAC-SHA256 under a configured pepper), so the
 * platform can match a certificate to a person while a certificate, log line or verifier report
 * that shows the subject shows no ID number. The full number stays on the signed form itself.
 */
public final class HolderPseudonym {
    private static final String PREFIX = "PSN-";

    private HolderPseudonym() {
    }

    public static String of(String idNumber, byte[] pepper) {
        if (pepper == null || pepper.length < 16) {
            throw new IllegalArgumentException("the pseudonym pepper has at least 16 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            byte[] tag = mac.doFinal(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().withUpperCase().formatHex(tag, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
