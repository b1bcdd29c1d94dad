package anguan.pdf.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;

class KeySealTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private final Credential enterprise = PlatformCa.create("测试CA", NOW).issueEnterprise("上海某某建设有限公司", "91310000MA1FL0T22J", NOW);

    @Test
    void theSigningPasswordOpensTheKeyItSealedAndNoOtherPasswordDoes() throws Exception {
        // The lowest count keeps the test quick; the count travels in the sealed bytes (tested below).
        byte[] sealed = new PasswordSeal(10_000).seal(enterprise.privateKey(), "正确的密码1".toCharArray());

        assertEquals(scalar(enterprise.privateKey()), scalar(PasswordSeal.unseal(sealed, "正确的密码1".toCharArray())));
        assertThrows(SigningPasswordInvalidException.class, () -> PasswordSeal.unseal(sealed, "正确的密码2".toCharArray()));
        assertThrows(SigningPasswordInvalidException.class, () -> PasswordSeal.unseal(sealed, new char[0]));
    }

    @Test
    void aPasswordSealIsPbes2WithAes256AndAStrongIterationCount() throws Exception {
        byte[] sealed = new PasswordSeal().seal(enterprise.privateKey(), "pw".toCharArray());
        var algorithm = new PKCS8EncryptedPrivateKeyInfo(sealed).getEncryptionAlgorithm();
        assertEquals(PKCSObjectIdentifiers.id_PBES2, algorithm.getAlgorithm());
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
        assertEquals(NISTObjectIdentifiers.id_aes256_CBC, pbes2.getEncryptionScheme().getAlgorithm());
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        assertEquals(PasswordSeal.DEFAULT_ITERATIONS, kdf.getIterationCount().intValue());
        assertEquals(PKCSObjectIdentifiers.id_hmacWithSHA256, kdf.getPrf().getAlgorithm());
    }

    @Test
    void aKekSealOpensOnlyWithTheSameKekAndLabel() {
        KeyEncryptionKey kek = new KeyEncryptionKey(HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
        byte[] sealed = kek.seal(enterprise.privateKey(), "person:1");

        assertEquals(scalar(enterprise.privateKey()), scalar(kek.unseal(sealed, "person:1")));
        assertThrows(KeySealBrokenException.class, () -> kek.unseal(sealed, "person:2"));
        assertThrows(KeySealBrokenException.class, () -> new KeyEncryptionKey(new byte[32]).unseal(sealed, "person:1"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(KeySealBrokenException.class, () -> kek.unseal(sealed, "person:1"));
        assertFalse(kek.toString().contains("00112233"));
    }

    @Test
    void aPasswordSealedKeyWrappedWithTheKekOpensOnlyWithTheKekTheLabelAndThePassword() throws Exception {
        KeyEncryptionKey kek = new KeyEncryptionKey(HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
        byte[] wrapped = kek.sealSecret(new PasswordSeal(10_000).seal(enterprise.privateKey(), "签章密码".toCharArray()), "ENTERPRISE#1");

        byte[] inner = kek.unsealSecret(wrapped, "ENTERPRISE#1");
        assertEquals(scalar(enterprise.privateKey()), scalar(PasswordSeal.unseal(inner, "签章密码".toCharArray())));
        assertThrows(SigningPasswordInvalidException.class, () -> PasswordSeal.unseal(inner, "别的密码".toCharArray()));
        assertThrows(KeySealBrokenException.class, () -> PasswordSeal.unseal(wrapped, "签章密码".toCharArray()), "useless without the KEK");
        assertThrows(KeySealBrokenException.class, () -> kek.unsealSecret(wrapped, "ENTERPRISE#2"));
    }

    private static java.math.BigInteger scalar(java.security.PrivateKey key) {
        return ((java.security.interfaces.ECPrivateKey) key).getS();
    }
}
