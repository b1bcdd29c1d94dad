package anguan.pdf.ca;

import anguan.domain.enterprise.Uscc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The platform's certificate authority (平台 CA): a self-signed root that issues the persons'
 * signing certificates (个人数字证书), the enterprises' 一证通 certificates and the hardware-token
 * certificates. One level: every issued certificate is signed by the root directly, so "chains to
 * the platform CA" is one signature and two validity windows.
 */
public final class PlatformCa {
    /** A person's and an enterprise's signing certificate: the validity the manual gives a certificate. */
    public static final Duration HOLDER_VALIDITY = Duration.ofDays(3 * 365);
    private static final Duration CA_VALIDITY = Duration.ofDays(20 * 365);
    /** Tolerates a clock a little ahead of the issuer's when a fresh certificate is checked. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Credential root;

    private PlatformCa(Credential root) {
        this.root = root;
    }

    /** A new CA with a fresh EC P-256 root key. */
    public static PlatformCa create(String name, Instant now) {
        KeyPair pair = Keys.newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, name).addRDN(BCStyle.CN, name).build();
        try {
            X509v3CertificateBuilder builder = builder(subject, subject, pair.getPublic(), now, CA_VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            return new PlatformCa(new Credential(pair.getPrivate(), sign(builder, pair.getPrivate())));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("building the CA certificate", e);
        }
    }

    /** The CA from its stored material: the certificate (DER) and its key sealed with the KEK. */
    public static PlatformCa open(byte[] certificateDer, byte[] sealedKey, KeyEncryptionKey kek) {
        X509Certificate certificate = certificate(certificateDer);
        return new PlatformCa(new Credential(kek.unseal(sealedKey, label(certificate)), certificate));
    }

    /** The CA key sealed with the KEK, for storage beside {@link #certificate()}. */
    public byte[] sealedKey(KeyEncryptionKey kek) {
        return kek.seal(root.privateKey(), label(root.certificate()));
    }

    public X509Certificate certificate() {
        return root.certificate();
    }

    /** A person's signing certificate: the name, and a pseudonym of the ID number ({@link HolderPseudonym}). */
    public Credential issuePerson(String name, String pseudonym, Instant now) {
        return issue(CertificateSubjects.person(requireName(name), pseudonym), now, HOLDER_VALIDITY);
    }

    /** An enterprise's 一证通 signing certificate, its USCC in organizationIdentifier. */
    public Credential issueEnterprise(String enterpriseName, String uscc, Instant now) {
        return issue(enterpriseSubject(enterpriseName, uscc), now, HOLDER_VALIDITY);
    }

    /**
     * A hardware token's certificate: an enterprise certificate whose private key leaves the platform
     * (to the token, or to a developer through {@code POST /dev/hardware-tokens}) and is never sealed
     * or kept here.
     */
    public Credential issueHardwareToken(String enterpriseName, String uscc, Instant now) {
        return issueEnterprise(enterpriseName, uscc, now);
    }

    /** As {@link #issueEnterprise} with a chosen validity: for tests of expired and future certificates. */
    public Credential issueEnterprise(String enterpriseName, String uscc, Instant notBefore, Duration validity) {
        return issue(enterpriseSubject(enterpriseName, uscc), notBefore.plus(BACKDATE), validity);
    }

    /** Whether the platform CA issued the certificate and both are valid at the instant. */
    public Trust trust(X509Certificate certificate, Instant at) {
        X509Certificate ca = root.certificate();
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return Trust.UNTRUSTED;
        }
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return Trust.UNTRUSTED;
        }
        Date date = Date.from(at);
        if (date.before(certificate.getNotBefore()) || date.before(ca.getNotBefore())) {
            return Trust.NOT_YET_VALID;
        }
        if (date.after(certificate.getNotAfter()) || date.after(ca.getNotAfter())) {
            return Trust.EXPIRED;
        }
        return Trust.TRUSTED;
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    private static X500Name enterpriseSubject(String enterpriseName, String uscc) {
        // The enterprise-sign step trusts the USCC in the subject: only a valid code goes in.
        if (!Uscc.isValid(uscc)) {
            throw new IllegalArgumentException("not a valid USCC");
        }
        return CertificateSubjects.enterprise(requireName(enterpriseName), uscc);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a certificate names its holder");
        }
        return name.strip();
    }

    private Credential issue(X500Name subject, Instant now, Duration validity) {
        KeyPair pair = Keys.newKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()),
                    subject, pair.getPublic(), now, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    // documentSigning (RFC 9336) says what the key is for; emailProtection is what
                    // NSS (poppler's pdfsig) and older readers accept for a document signer.
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                            KeyPurposeId.id_kp_documentSigning, KeyPurposeId.id_kp_emailProtection}))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root.certificate()));
            return new Credential(pair.getPrivate(), sign(builder, root.privateKey()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("issuing a certificate", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now, Duration validity) {
        BigInteger serial = new BigInteger(159, Keys.random()).setBit(0);
        Instant notBefore = now.minus(BACKDATE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws CertificateException {
        try {
            var signer = new JcaContentSignerBuilder(Keys.SIGNATURE_ALGORITHM).build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("SHA256withECDSA is part of every JDK", e);
        }
    }

    private static String label(X509Certificate certificate) {
        return "platform-ca:" + certificate.getSerialNumber().toString(16);
    }

    @Override
    public String toString() {
        return "PlatformCa[" + root.certificate().getSubjectX500Principal().getName() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlatformCa ca && ca.root.certificate().equals(root.certificate());
    }

    @Override
    public int hashCode() {
        return Objects.hash(root.certificate());
    }
}
