package anguan.pdf.ca;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * The platform's one key type: EC P-256 (secp256r1) with SHA-256. Chosen over RSA 3072 because a
 * key pair is made in milliseconds inside a Lambda (RSA 3072 takes up to seconds), keys and CMS
 * signatures are small (the /Contents placeholder stays a few KB), and it is the same strength
 * class (128-bit) that PAdES readers (Acrobat, poppler/NSS) verify.
 */
final class Keys {
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every JDK", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static SecureRandom random() {
        return RANDOM;
    }
}
