package anguan.personalsign;

import anguan.pdf.ca.SigningMaterial;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the SMS codes are derived from ({@code SmsChallenge}): every container of every
 * deployment must derive the same code from a challenge's salt, so that a retry in another
 * container hands over the very SMS the first try stored. It is HMAC-SHA256 of a fixed label under
 * the signing material's pepper, a secret already kept sealed with the KEK: nothing new to
 * configure or to leak, and, being a different HMAC of the pepper, it tells nothing of the
 * pseudonyms in the persons' certificates (nor they of it).
 */
final class SmsCodeSecret {
    private static final String LABEL = "anguan sms-code secret v1";

    private SmsCodeSecret() {
    }

    static byte[] of(SigningMaterial material) {
        byte[] pepper = material.pepper();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } finally {
            java.util.Arrays.fill(pepper, (byte) 0);
        }
    }
}
