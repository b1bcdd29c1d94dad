package anguan.pdf.ca;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;

/**
 * Everything the signing functions take from configuration, in one value: the platform CA (which
 * issues the persons' and enterprises' certificates and is what "chains to a trusted CA" means),
 * the key-encryption key (KEK) that seals the persons' keys, the pepper of {@link HolderPseudonym},
 * and the authority's signing credential (上海市住房和城乡建设管理委员会, issued by the platform CA),
 * which signs the 行政审批受理通知书.
 *
 * <p>It is kept as two texts in two places with separate permissions, so that neither alone opens
 * a key: the <em>material</em> (a {@link Properties} text: the CA's and the authority's
 * certificates, their keys and the pepper, each sealed with the KEK; in AWS a Secrets Manager
 * secret) and the <em>KEK</em> (base64 of 32 random bytes; in AWS a second Secrets Manager secret). A function
 * opens it once per container:
 *
 * <pre>{@code
 * SigningSecrets secrets = SigningSecrets.fromEnvironment();          // anguan.aws.config
 * SigningMaterial material = SigningMaterial.open(secrets.material(), secrets.keyEncryptionKey());
 * Credential person = material.ca().issuePerson(name, material.pseudonymOf(idNo), now);
 * byte[] sealed = material.kek().seal(person.privateKey(), label);
 * }</pre>
 *
 * An operator makes one with {@link #main} ({@code README.md}, Deploying); the local runner makes
 * one per data directory. Nothing here ever prints a key, the KEK or the pepper: {@code toString}
 * names the certificates, and {@link SigningMaterialBrokenException} says which part is broken,
 * never what it contained.
 */
public final class SigningMaterial {
    /** The issuing authority (发证机关) whose credential signs the acceptance notices. */
    public static final String AUTHORITY_NAME = "上海市住房和城乡建设管理委员会";
    /**
     * The authority's USCC in its certificate: the first 17 characters of the template's
     * {@code LicenceIssuerUscc} default with the check character GB 32100 gives them, since that
     * default's own ({@code G}) fails the check and the CA certifies valid codes only.
     */
    public static final String AUTHORITY_USCC = "113100000024179560";
    /** The platform CA's name (its subject's CN and O). */
    public static final String CA_NAME = "安管平台CA";

    private static final int FORMAT = 1;
    private static final int KEK_BYTES = 32;
    private static final int PEPPER_BYTES = 32;
    private static final String FORMAT_FIELD = "format";
    private static final String CA_CERTIFICATE = "ca.certificate";
    private static final String CA_KEY = "ca.key";
    private static final String AUTHORITY_CERTIFICATE = "authority.certificate";
    private static final String AUTHORITY_KEY = "authority.key";
    private static final String PEPPER = "pseudonym.pepper";

    private final PlatformCa ca;
    private final KeyEncryptionKey kek;
    private final byte[] pepper;
    private final Credential authority;

    private SigningMaterial(PlatformCa ca, KeyEncryptionKey kek, byte[] pepper, Credential authority) {
        this.ca = ca;
        this.kek = kek;
        this.pepper = pepper;
        this.authority = authority;
    }

    /**
     * The two texts to store: {@code material} (the secret in Secrets Manager, or the local
     * {@code material.properties}) and {@code keyEncryptionKey} (the second secret, or the local
     * {@code kek} file). {@code toString} shows neither.
     */
    public record Stored(String material, String keyEncryptionKey) {
        @Override
        public String toString() {
            return "SigningMaterial.Stored[material " + material.length() + " characters, key-encryption key hidden]";
        }
    }

    /** A fresh material and its texts, as {@link #create} makes them. */
    public record Created(SigningMaterial material, Stored stored) {
    }

    /** A new CA, authority credential, pepper and KEK, valid from {@code now}. */
    public static Created create(Instant now) {
        byte[] kekBytes = randomBytes(KEK_BYTES);
        byte[] pepper = randomBytes(PEPPER_BYTES);
        try {
            KeyEncryptionKey kek = new KeyEncryptionKey(kekBytes);
            PlatformCa ca = PlatformCa.create(CA_NAME, now);
            Credential authority = ca.issueEnterprise(AUTHORITY_NAME, AUTHORITY_USCC, now);
            Properties fields = new Properties();
            fields.setProperty(FORMAT_FIELD, Integer.toString(FORMAT));
            fields.setProperty(CA_CERTIFICATE, base64(der(ca.certificate())));
            fields.setProperty(CA_KEY, base64(ca.sealedKey(kek)));
            fields.setProperty(AUTHORITY_CERTIFICATE, base64(der(authority.certificate())));
            fields.setProperty(AUTHORITY_KEY, base64(kek.seal(authority.privateKey(), authorityLabel(authority.certificate()))));
            fields.setProperty(PEPPER, base64(kek.sealSecret(pepper, pepperLabel(ca.certificate()))));
            Stored stored = new Stored(text(fields), base64(kekBytes));
            return new Created(new SigningMaterial(ca, kek, pepper, authority), stored);
        } finally {
            Arrays.fill(kekBytes, (byte) 0);
        }
    }

    /**
     * The material from its two texts. Each sealed key is bound to its certificate's serial (the
     * seal's label) and the pepper to the CA's, and the authority's certificate must be the CA's, so
     * a material put together from two generations fails here, at start-up, not in a signature a
     * reader rejects.
     *
     * @throws SigningMaterialBrokenException a part is missing or malformed, or does not open with
     *         this KEK (the wrong KEK, or the material was altered)
     */
    public static SigningMaterial open(String materialText, String keyEncryptionKeyText) {
        KeyEncryptionKey kek = keyEncryptionKey(keyEncryptionKeyText);
        Properties fields = fields(materialText);
        String format = fields.getProperty(FORMAT_FIELD, "").strip();
        if (!format.equals(Integer.toString(FORMAT))) {
            throw new SigningMaterialBrokenException("the signing material has format " + (format.isEmpty() ? "(none)" : "'" + format + "'")
                    + "; this build reads format " + FORMAT, null);
        }
        X509Certificate caCertificate = certificate(fields, CA_CERTIFICATE);
        PlatformCa ca;
        try {
            ca = PlatformCa.open(der(caCertificate), bytes(fields, CA_KEY), kek);
        } catch (KeySealBrokenException e) {
            throw new SigningMaterialBrokenException("the CA key does not open with this key-encryption key"
                    + " (the wrong KEK, or the material was altered)", e);
        }
        X509Certificate authorityCertificate = certificate(fields, AUTHORITY_CERTIFICATE);
        // Expiry is not checked here: documents signed before it must still verify against this CA.
        if (ca.trust(authorityCertificate, authorityCertificate.getNotBefore().toInstant()) == Trust.UNTRUSTED) {
            throw new SigningMaterialBrokenException("the authority certificate was not issued by the material's CA", null);
        }
        PrivateKey authorityKey = unsealed(() -> kek.unseal(bytes(fields, AUTHORITY_KEY), authorityLabel(authorityCertificate)), "authority key");
        byte[] pepper = unsealed(() -> kek.unsealSecret(bytes(fields, PEPPER), pepperLabel(caCertificate)), "pseudonym pepper");
        return new SigningMaterial(ca, kek, pepper, new Credential(authorityKey, authorityCertificate));
    }

    /** The platform CA, with its key: issues and checks holder certificates. */
    public PlatformCa ca() {
        return ca;
    }

    /** Seals and unseals the persons' keys at rest. */
    public KeyEncryptionKey kek() {
        return kek;
    }

    /** The pseudonym a person's certificate carries for this ID number ({@link HolderPseudonym}). */
    public String pseudonymOf(String idNumber) {
        return HolderPseudonym.of(idNumber, pepper);
    }

    /** The pepper itself (a copy), for code that calls {@link HolderPseudonym} directly. */
    public byte[] pepper() {
        return pepper.clone();
    }

    /** The authority's credential (上海市住房和城乡建设管理委员会): signs the acceptance notices. */
    public Credential authority() {
        return authority;
    }

    @Override
    public String toString() {
        return "SigningMaterial[ca=" + CertificateSubjects.describe(ca.certificate())
                + ", authority=" + CertificateSubjects.describe(authority.certificate()) + ", keys hidden]";
    }

    /**
     * Writes a new material and KEK to two files that must not exist yet, readable by the owner
     * only where the file system allows; the operator then stores them (README.md, Deploying) and
     * deletes the files. Prints only the CA's subject and where the files went.
     *
     * <pre>{@code java -cp <shared/pdf's class path> anguan.pdf.ca.SigningMaterial material.properties kek}</pre>
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SigningMaterial <material file> <key-encryption key file>");
            System.exit(2);
        }
        Created created = create(Instant.now());
        write(Path.of(args[0]), created.stored().material());
        write(Path.of(args[1]), created.stored().keyEncryptionKey());
        System.out.println("signing material for " + CertificateSubjects.describe(created.material().ca().certificate())
                + " written to " + args[0] + ", its key-encryption key to " + args[1]);
    }

    /**
     * Creates the file owner-only before anything is written to it, so that the secret is never
     * readable by others, not even for a moment; an existing file is never overwritten.
     */
    public static void write(Path file, String text) {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(file + " exists already; signing material is never overwritten", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static KeyEncryptionKey keyEncryptionKey(String text) {
        byte[] raw = decode(text, "the key-encryption key");
        try {
            if (raw.length != KEK_BYTES) {
                throw new SigningMaterialBrokenException("the key-encryption key is not base64 of " + KEK_BYTES + " bytes", null);
            }
            return new KeyEncryptionKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static Properties fields(String text) {
        if (text == null || text.isBlank()) {
            throw new SigningMaterialBrokenException("the signing material is empty", null);
        }
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            // Properties reports a broken \\u escape with the characters around it: no cause, no content.
            throw new SigningMaterialBrokenException("the signing material is not a properties text", null);
        }
        return fields;
    }

    private static X509Certificate certificate(Properties fields, String field) {
        try {
            return PlatformCa.certificate(bytes(fields, field));
        } catch (IllegalArgumentException e) {
            throw new SigningMaterialBrokenException(field + " is not an X.509 certificate", null);
        }
    }

    private static byte[] bytes(Properties fields, String field) {
        String value = fields.getProperty(field);
        if (value == null || value.isBlank()) {
            throw new SigningMaterialBrokenException("the signing material lacks " + field, null);
        }
        return decode(value, field);
    }

    /** Base64 decoding; its own exception quotes the offending character, so it is not passed on. */
    private static byte[] decode(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new SigningMaterialBrokenException(what + " is empty", null);
        }
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SigningMaterialBrokenException(what + " is not base64", null);
        }
    }

    private interface Unsealing<T> {
        T open();
    }

    private static <T> T unsealed(Unsealing<T> unsealing, String what) {
        try {
            return unsealing.open();
        } catch (KeySealBrokenException e) {
            throw new SigningMaterialBrokenException("the " + what + " does not open with this key-encryption key"
                    + " (the wrong KEK, or the material was altered)", e);
        }
    }

    private static String authorityLabel(X509Certificate certificate) {
        return "authority:" + certificate.getSerialNumber().toString(16);
    }

    /** Bound to the CA: a pepper copied from another material does not open here. */
    private static String pepperLabel(X509Certificate caCertificate) {
        return "pseudonym-pepper:" + caCertificate.getSerialNumber().toString(16);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate encodes", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        Keys.random().nextBytes(bytes);
        return bytes;
    }

    private static String text(Properties fields) {
        StringWriter out = new StringWriter();
        try {
            fields.store(out, "anguan signing material: the platform CA and the authority, their keys and the pseudonym pepper sealed"
                    + " with the key-encryption key, which is kept apart");
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
