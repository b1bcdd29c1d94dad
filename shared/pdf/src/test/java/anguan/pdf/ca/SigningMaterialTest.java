package anguan.pdf.ca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningMaterialTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final SigningMaterial.Created CREATED = SigningMaterial.create(NOW);
    private static final String MATERIAL = CREATED.stored().material();
    private static final String KEK = CREATED.stored().keyEncryptionKey();

    @Test
    void theStoredTextsOpenToTheSameCaAuthorityPepperAndKek() throws Exception {
        SigningMaterial created = CREATED.material();
        SigningMaterial opened = SigningMaterial.open(MATERIAL, KEK);

        assertEquals(created.ca(), opened.ca());
        assertEquals(created.authority().certificate(), opened.authority().certificate());
        assertEquals(created.pseudonymOf("11010519491231002X"), opened.pseudonymOf("11010519491231002X"));
        assertArrayEquals(created.pepper(), opened.pepper());
        // A person's key sealed by one opens with the other: the KEK is the same key.
        Credential person = opened.ca().issuePerson("王晓丽", opened.pseudonymOf("11010519491231002X"), NOW);
        byte[] sealed = created.kek().seal(person.privateKey(), "person:1");
        assertEquals(person.privateKey(), opened.kek().unseal(sealed, "person:1"));
        // The opened CA key still issues what the stored CA certificate verifies.
        assertEquals(Trust.TRUSTED, created.ca().trust(person.certificate(), NOW));
    }

    @Test
    void theAuthorityIsTheCommissionCertifiedByThePlatformCaAndItsKeySignsForIt() throws Exception {
        SigningMaterial material = SigningMaterial.open(MATERIAL, KEK);
        Credential authority = material.authority();

        assertEquals(SigningMaterial.AUTHORITY_NAME, CertificateSubjects.nameOf(authority.certificate()).orElseThrow());
        assertEquals("上海市住房和城乡建设管理委员会", SigningMaterial.AUTHORITY_NAME);
        assertEquals(SigningMaterial.AUTHORITY_USCC, CertificateSubjects.usccOf(authority.certificate()).orElseThrow());
        assertEquals(Trust.TRUSTED, material.ca().trust(authority.certificate(), NOW.plusSeconds(86_400)));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(authority.privateKey());
        signer.update(new byte[] {4, 2});
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(authority.certificate());
        verifier.update(new byte[] {4, 2});
        assertTrue(verifier.verify(signer.sign()));
    }

    @Test
    void twoCreationsShareNothing() {
        SigningMaterial.Created other = SigningMaterial.create(NOW);
        assertFalse(other.material().ca().equals(CREATED.material().ca()));
        assertFalse(other.stored().keyEncryptionKey().equals(KEK));
        assertFalse(other.material().pseudonymOf("11010519491231002X").equals(CREATED.material().pseudonymOf("11010519491231002X")));
    }

    @Test
    void theKekIsBase64OfThirtyTwoBytes() {
        assertEquals(32, Base64.getDecoder().decode(KEK).length);
        assertEquals(32, CREATED.material().pepper().length);
    }

    @Test
    void anotherKekIsRefusedSayingSo() {
        String otherKek = Base64.getEncoder().encodeToString(new byte[32]);
        SigningMaterialBrokenException refused = assertThrows(SigningMaterialBrokenException.class,
                () -> SigningMaterial.open(MATERIAL, otherKek));
        assertTrue(refused.getMessage().contains("does not open with this key-encryption key"), refused.getMessage());
        assertInstanceOf(KeySealBrokenException.class, refused.getCause());
    }

    @Test
    void aKekThatIsNotThirtyTwoBytesOfBase64IsRefused() {
        assertRefused(MATERIAL, "", "the key-encryption key is empty");
        assertRefused(MATERIAL, "not base64!", "the key-encryption key is not base64");
        assertRefused(MATERIAL, Base64.getEncoder().encodeToString(new byte[16]), "not base64 of 32 bytes");
        // A trailing newline (a file, a parameter pasted in) is no reason to refuse.
        assertEquals(CREATED.material().ca(), SigningMaterial.open(MATERIAL, KEK + "\n").ca());
    }

    @Test
    void aMissingOrMalformedPartIsNamed() throws IOException {
        assertRefused("", KEK, "the signing material is empty");
        assertRefused(without("ca.key"), KEK, "lacks ca.key");
        assertRefused(without("authority.certificate"), KEK, "lacks authority.certificate");
        assertRefused(without("pseudonym.pepper"), KEK, "lacks pseudonym.pepper");
        assertRefused(with("format", "2"), KEK, "format '2'");
        assertRefused(with("ca.certificate", "%%%"), KEK, "ca.certificate is not base64");
        assertRefused(with("ca.certificate", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})), KEK,
                "ca.certificate is not an X.509 certificate");
        assertRefused("format=1\nca.key=\\uZZZZ\n", KEK, "not a properties text");
    }

    @Test
    void alteredOrSwappedPartsDoNotOpen() throws IOException {
        for (String field : List.of("ca.key", "authority.key", "pseudonym.pepper")) {
            assertRefused(with(field, flipLastByte(field)), KEK, "does not open with this key-encryption key");
        }
        SigningMaterial.Created other = SigningMaterial.create(NOW);
        Properties theirs = properties(other.stored().material());
        // Another generation's authority (issued by another CA), or its pepper, sealed with another KEK.
        assertRefused(with("authority.certificate", theirs.getProperty("authority.certificate")), KEK,
                "the authority certificate was not issued by the material's CA");
        assertRefused(with("pseudonym.pepper", theirs.getProperty("pseudonym.pepper")), KEK,
                "the pseudonym pepper does not open");
        // The other CA's certificate with our sealed CA key: the seal is bound to the certificate.
        assertRefused(with("ca.certificate", theirs.getProperty("ca.certificate")), KEK, "the CA key does not open");
    }

    @Test
    void noTextOrExceptionEverShowsAKeyTheKekOrThePepper() throws IOException {
        SigningMaterial material = CREATED.material();
        List<String> secrets = new ArrayList<>(List.of(KEK, hex(Base64.getDecoder().decode(KEK)),
                Base64.getEncoder().encodeToString(material.pepper()), hex(material.pepper()),
                Base64.getEncoder().encodeToString(material.authority().privateKeyPkcs8()), hex(material.authority().privateKeyPkcs8())));
        Properties fields = properties(MATERIAL);
        for (String field : List.of("ca.key", "authority.key", "pseudonym.pepper")) {
            secrets.add(fields.getProperty(field));
        }

        List<String> shown = new ArrayList<>(List.of(material.toString(), CREATED.stored().toString(), CREATED.toString(),
                material.kek().toString(), material.authority().toString()));
        assertTrue(material.toString().contains("上海市住房和城乡建设管理委员会"), material.toString());
        for (String broken : List.of(with("ca.key", flipLastByte("ca.key")), with("authority.key", "A" + fields.getProperty("authority.key")),
                with("pseudonym.pepper", fields.getProperty("pseudonym.pepper") + "!"), without("ca.certificate"))) {
            shown.addAll(messages(assertThrows(SigningMaterialBrokenException.class, () -> SigningMaterial.open(broken, KEK))));
        }
        shown.addAll(messages(assertThrows(SigningMaterialBrokenException.class,
                () -> SigningMaterial.open(MATERIAL, KEK.substring(0, 20) + "!" + KEK.substring(21)))));
        for (String text : shown) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "a secret in: " + text);
                assertFalse(text.contains(secret.substring(0, 12)), () -> "part of a secret in: " + text);
            }
        }
    }

    @Test
    void mainWritesBothFilesForTheOwnerOnlyAndNeverOverwrites(@TempDir Path dir) throws IOException {
        Path material = dir.resolve("material.properties");
        Path kek = dir.resolve("kek");
        SigningMaterial.main(new String[] {material.toString(), kek.toString()});

        SigningMaterial opened = SigningMaterial.open(Files.readString(material), Files.readString(kek));
        assertEquals(SigningMaterial.CA_NAME, CertificateSubjects.nameOf(opened.ca().certificate()).orElseThrow());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(kek));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(material));
        String before = Files.readString(kek);
        assertThrows(IllegalStateException.class, () -> SigningMaterial.write(kek, "replaced"));
        assertEquals(before, Files.readString(kek));
    }

    private static void assertRefused(String material, String kek, String expected) {
        SigningMaterialBrokenException refused = assertThrows(SigningMaterialBrokenException.class, () -> SigningMaterial.open(material, kek));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static List<String> messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }

    private static String flipLastByte(String field) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(properties(MATERIAL).getProperty(field));
        bytes[bytes.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String with(String field, String value) throws IOException {
        Properties fields = properties(MATERIAL);
        fields.setProperty(field, value);
        return text(fields);
    }

    private static String without(String field) throws IOException {
        Properties fields = properties(MATERIAL);
        fields.remove(field);
        return text(fields);
    }

    private static Properties properties(String text) throws IOException {
        Properties fields = new Properties();
        fields.load(new StringReader(text));
        return fields;
    }

    private static String text(Properties fields) throws IOException {
        StringWriter out = new StringWriter();
        fields.store(out, null);
        return out.toString();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
