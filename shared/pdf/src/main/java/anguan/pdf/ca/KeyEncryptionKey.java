package anguan.pdf.ca;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key (KEK) from configuration: seals the CA key and the persons' keys with
 * AES-256-GCM. A label (such as the certificate's serial) is bound as associated data, so a sealed
 * key copied onto another record does not open. Sealed form: version 1, 12-byte nonce, ciphertext
 * with its 16-byte tag.
 */
public final class KeyEncryptionKey {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    public KeyEncryptionKey(byte[] aes256) {
        if (aes256 == null || aes256.length != 32) {
            throw new IllegalArgumentException("the KEK is 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(aes256.clone(), "AES");
    }

    public byte[] seal(PrivateKey privateKey, String label) {
        byte[] plain = privateKey.getEncoded();
        try {
            return sealSecret(plain, label);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    public PrivateKey unseal(byte[] sealed, String label) {
        byte[] plain = unsealSecret(sealed, label);
        try {
            return Keys.privateKey(plain);
        } catch (GeneralSecurityException e) {
            throw new KeySealBrokenException("the sealed bytes open but are no private key", null);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Seals secret bytes that are not a bare key the same way: the pseudonym pepper of
     * {@link SigningMaterial}, and an enterprise's key already sealed with its signing password (wrapped
     * once more, a stolen table alone is not even open to guessing the password: every guess needs
     * the KEK too). A secret kept beside the sealed keys should be no easier to read than they are.
     */
    public byte[] sealSecret(byte[] secret, String label) {
        byte[] nonce = new byte[NONCE_BYTES];
        Keys.random().nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, label);
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The bytes {@link #sealSecret} sealed under this label; the caller clears them after use. */
    public byte[] unsealSecret(byte[] sealed, String label) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new KeySealBrokenException("not a key sealed with a KEK", null);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES), label);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new KeySealBrokenException("the sealed key does not open with this KEK and label", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String label) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[hidden]";
    }
}
