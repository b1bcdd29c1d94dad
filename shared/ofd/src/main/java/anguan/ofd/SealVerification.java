package anguan.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.verify.OFDValidator;
import org.ofdrw.sign.verify.container.SESV4ValidateContainer;

/**
 * Whether an OFD's electronic seals (GB/T 38540 v4) are intact, by ofdrw's own verifier: every
 * protected file's SM3 digest, the seal's signature by its maker and the signature over the
 * document. This is what the public verification of a certificate and the tests rely on.
 */
public final class SealVerification {

    private SealVerification() {
    }

    /** True when the OFD has seals and every one verifies; false for a changed, unsealed or unreadable file. */
    public static boolean isValid(byte[] ofd) {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd));
             OFDValidator validator = new OFDValidator(reader)) {
            validator.setValidator(new SESV4ValidateContainer());
            validator.exeValidate();
            return true;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // OFDVerifyException (a GeneralSecurityException) is a broken seal; ofdrw reports an unreadable or changed file by several exception types; all mean "not valid".
            return false;
        }
    }
}
