package anguan.pdf.ca;

import java.io.IOException;
import java.security.PrivateKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * Seals a private key with a password: an encrypted PKCS#8 (PBES2, PBKDF2 with HMAC-SHA256,
 * AES-256-CBC). The enterprise's signing password (签章密码) seals its 一证通 key, so the platform
 * alone cannot sign for the enterprise. The iteration count travels inside the sealed bytes, so a
 * later, higher count still opens older keys.
 */
public final class PasswordSeal {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about a third of a second per attempt. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private final int iterations;

    public PasswordSeal() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordSeal(int iterations) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("too few PBKDF2 iterations for a password seal");
        }
        this.iterations = iterations;
    }

    public byte[] seal(PrivateKey key, char[] password) {
        try {
            var encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(BouncyCastle.PROVIDER)
                    .setPRF(HMAC_SHA256)
                    .setIterationCount(iterations)
                    .setRandom(Keys.random())
                    .build(password);
            return new JcaPKCS8EncryptedPrivateKeyInfoBuilder(key).build(encryptor).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("PBES2 with AES-256 is available in BouncyCastle", e);
        }
    }

    /**
     * Opens a sealed key. A wrong password usually fails the AES padding, and otherwise yields bytes
     * that are no key: both are the same refusal, so nothing tells a guesser which happened.
     */
    public static PrivateKey unseal(byte[] sealed, char[] password) throws SigningPasswordInvalidException {
        PKCS8EncryptedPrivateKeyInfo info;
        try {
            info = new PKCS8EncryptedPrivateKeyInfo(sealed);
        } catch (IOException | RuntimeException e) {
            throw new KeySealBrokenException("not an encrypted PKCS#8 key", e);
        }
        try {
            var decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(password);
            return Keys.privateKey(info.decryptPrivateKeyInfo(decryptor).getEncoded());
        } catch (Exception e) {
            throw new SigningPasswordInvalidException();
        }
    }
}
