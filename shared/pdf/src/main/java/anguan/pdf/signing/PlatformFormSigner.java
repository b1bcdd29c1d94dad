package anguan.pdf.signing;

import anguan.domain.common.DomainProblem;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.signing.FormSigner;
import anguan.domain.signing.SigningCredentialRepository;
import anguan.domain.signing.SigningSession;
import anguan.domain.signing.StoredCredential;
import anguan.pdf.ca.CertificateSubjects;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.HolderPseudonym;
import anguan.pdf.ca.KeyEncryptionKey;
import anguan.pdf.ca.PasswordSeal;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.ca.SigningPasswordInvalidException;
import anguan.pdf.ca.Trust;
import anguan.pdf.form.FormLayout;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The platform's {@link FormSigner}: signs the 申请表 with the keys it keeps for each signer, or
 * embeds a hardware token's signature, as PAdES baseline-B ({@link PadesSigner}).
 *
 * <p>Credentials ({@link SigningCredentialRepository}, one per owner):
 * <ul>
 * <li>a person's ({@code PERSON#<pseudonym>}, never the ID number) is issued at the first signature
 *     and its key sealed with the KEK, labelled with the owner, so a key copied to another owner does
 *     not open;</li>
 * <li>an enterprise's ({@code ENTERPRISE#<uscc>}) is issued at the first signature after the
 *     registry's 签章密码 was set or changed, sealed with that password and then wrapped with the
 *     KEK; {@code sealedFor} records which registry hash it was sealed under, so a changed password
 *     retires the old key (and with it the old password) at the next signature.</li>
 * </ul>
 * A credential whose certificate has expired, or names the holder by an older name, is replaced
 * the same way. Two first signatures at once both issue; the insert (or the update over the version
 * read) decides, and the loser signs with the winner's key, so one owner never has two keys in use.
 *
 * <p>Nothing here logs, and no message carries a key, a password or a sealed key. Built once per
 * container: the signer, the verifier and the seal font are reused by every signature.
 */
public final class PlatformFormSigner implements FormSigner {
    static final String PERSON = "PERSON#";
    static final String ENTERPRISE = "ENTERPRISE#";
    /**
     * PBKDF2 iterations for an enterprise's key sealed with its 签章密码: 10,000, what the JDK's own
     * PKCS#12 key stores use for a password-protected key (keystore.pkcs12.keyPbeIterationCount),
     * about 10 ms a signature here (600,000 would take 500 ms against a 60 ms target for the whole
     * signature). Far fewer than OWASP's figure for password hashes is enough because the count is
     * not the only guard: the sealed key is wrapped with the KEK too, so a copy of the table alone
     * cannot even be tried against a password list (every guess needs the KEK, which is not in the
     * table); the only guessing left is online, through the signing route, which locks after 5 wrong
     * tries in a row. The count travels in the sealed bytes, so it can be raised later without
     * re-sealing old keys.
     */
    static final int PASSWORD_SEAL_ITERATIONS = 10_000;
    /** Writes a credential race can lose in a row before the signature is given up as a conflict. */
    private static final int WRITE_ATTEMPTS = 3;

    private final PlatformCa ca;
    private final KeyEncryptionKey kek;
    private final byte[] pepper;
    private final SigningCredentialRepository credentials;
    private final PadesSigner pades;
    private final SignatureVerifier verifier;
    private final PasswordSeal passwordSeal = new PasswordSeal(PASSWORD_SEAL_ITERATIONS);
    private final SealFont font = SealFont.bundled();

    public PlatformFormSigner(PlatformCa ca, KeyEncryptionKey kek, byte[] pepper, SigningCredentialRepository credentials) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.kek = Objects.requireNonNull(kek, "kek");
        this.pepper = Objects.requireNonNull(pepper, "pepper").clone();
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.pades = new PadesSigner(ca);
        this.verifier = new SignatureVerifier(ca);
    }

    @Override
    public byte[] signAsPerson(byte[] form, PersonSignatory person, Instant at) {
        return pades.sign(form, personCredential(person, at), personMark(person), at);
    }

    @Override
    public boolean hasValidPersonSignature(byte[] personallySigned, String idNo) {
        if (personallySigned == null || idNo == null) {
            return false;
        }
        List<VerifiedSignature> signatures;
        try {
            signatures = verifier.verify(personallySigned);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        if (signatures.isEmpty() || !signatures.getFirst().valid()) {
            return false;
        }
        String pseudonym = HolderPseudonym.of(idNo, pepper);
        return CertificateSubjects.pseudonymIn(signatures.getFirst().signerSubject()).map(pseudonym::equals).orElse(false);
    }

    @Override
    public Optional<byte[]> signAsEnterprise(byte[] personallySigned, EnterpriseSignatory enterprise, String password, Instant at) {
        return enterpriseCredential(enterprise, password, at)
                .map(credential -> pades.sign(personallySigned, credential, enterpriseMark(enterprise), at));
    }

    @Override
    public TokenSigning prepareForToken(byte[] personallySigned, EnterpriseSignatory enterprise, byte[] certificate, Instant at) {
        X509Certificate token = tokenCertificate(certificate);
        Trust trust = ca.trust(token, at);
        if (trust == Trust.UNTRUSTED) {
            throw refused(CmsRefusal.CMS_UNTRUSTED);
        }
        if (trust != Trust.TRUSTED) {
            throw refused(CmsRefusal.CMS_EXPIRED);
        }
        if (!CertificateSubjects.usccOf(token).map(enterprise.uscc()::equals).orElse(false)) {
            throw refused(CmsRefusal.CMS_WRONG_ENTERPRISE);
        }
        PreparedSignature prepared = pades.prepare(personallySigned, token, enterprise.uscc(), enterpriseMark(enterprise), at);
        return new TokenSigning(prepared.pdf(), prepared.byteRange(), prepared.digest());
    }

    @Override
    public byte[] completeWithToken(byte[] preparedPdf, SigningSession session, byte[] cms, Instant now) {
        var prepared = new PreparedSignature(preparedPdf, session.byteRange(), session.digest(),
                PlatformCa.certificate(session.certificate()), session.uscc());
        try {
            return pades.complete(prepared, cms, now);
        } catch (CmsRefusedException e) {
            throw refused(e.reason());
        }
    }

    private static DomainProblem refused(CmsRefusal reason) {
        return DomainProblem.refused(reason.code(), reason.message());
    }

    private static X509Certificate tokenCertificate(byte[] der) {
        try {
            return PlatformCa.certificate(Objects.requireNonNull(der));
        } catch (RuntimeException e) {
            throw DomainProblem.refused("CERTIFICATE_MALFORMED", "证书格式不正确，请提交DER编码的X.509证书（Base64）");
        }
    }

    /** The person's key, issued and stored on first need. */
    private Credential personCredential(PersonSignatory person, Instant at) {
        String pseudonym = HolderPseudonym.of(person.idNo(), pepper);
        String owner = PERSON + pseudonym;
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<Versioned<StoredCredential>> stored = credentials.find(owner);
            if (stored.isPresent() && current(stored.get().value(), person.name(), at)) {
                StoredCredential credential = stored.get().value();
                return new Credential(kek.unseal(credential.sealedKey(), owner), PlatformCa.certificate(credential.certificate()));
            }
            Credential issued = ca.issuePerson(person.name(), pseudonym, at);
            var fresh = new StoredCredential(owner, der(issued.certificate()), kek.seal(issued.privateKey(), owner), null, at);
            if (write(fresh, stored)) {
                return issued;
            }
        }
        throw DomainProblem.concurrentUpdate();
    }

    /** The enterprise's key, opened with its password; empty when the password is wrong. */
    private Optional<Credential> enterpriseCredential(EnterpriseSignatory enterprise, String password, Instant at) {
        if (password == null) {
            return Optional.empty();
        }
        String owner = ENTERPRISE + enterprise.uscc();
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<Versioned<StoredCredential>> stored = credentials.find(owner);
            if (stored.isPresent() && Objects.equals(stored.get().value().sealedFor(), enterprise.signingPasswordHash())
                    && current(stored.get().value(), enterprise.name(), at)) {
                StoredCredential credential = stored.get().value();
                try {
                    PrivateKey key = PasswordSeal.unseal(kek.unsealSecret(credential.sealedKey(), owner), password.toCharArray());
                    return Optional.of(new Credential(key, PlatformCa.certificate(credential.certificate())));
                } catch (SigningPasswordInvalidException wrong) {
                    return Optional.empty();
                }
            }
            // No key sealed under the registry's current password: only that password may seal a new one.
            if (!SigningPassword.matches(password, enterprise.signingPasswordHash())) {
                return Optional.empty();
            }
            Credential issued = ca.issueEnterprise(enterprise.name(), enterprise.uscc(), at);
            byte[] sealed = kek.sealSecret(passwordSeal.seal(issued.privateKey(), password.toCharArray()), owner);
            var fresh = new StoredCredential(owner, der(issued.certificate()), sealed, enterprise.signingPasswordHash(), at);
            if (write(fresh, stored)) {
                return Optional.of(issued);
            }
        }
        throw DomainProblem.concurrentUpdate();
    }

    /** Insert when there was none, else replace over the version read; false when another signer wrote first. */
    private boolean write(StoredCredential fresh, Optional<Versioned<StoredCredential>> read) {
        return read.isEmpty() ? credentials.insert(fresh) : credentials.update(fresh, read.get().version());
    }

    /** Whether a stored certificate can sign now: valid from the platform CA, and naming the holder as the registry does. */
    private boolean current(StoredCredential credential, String name, Instant at) {
        X509Certificate certificate = PlatformCa.certificate(credential.certificate());
        return ca.trust(certificate, at) == Trust.TRUSTED
                && CertificateSubjects.nameOf(certificate).map(n -> n.equals(name.strip())).orElse(false);
    }

    /** 签字: the registry's signature image where it has a PNG one, else the name in a seal-like box. */
    private VisibleMark personMark(PersonSignatory person) {
        PDRectangle box = FormLayout.applicantSignatureBox();
        return isPng(person.signatureImage())
                ? VisibleMark.image(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight(), person.signatureImage(), person.name())
                : VisibleMark.seal(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight(), person.name(), font);
    }

    /** 盖章: the enterprise's name round a red seal. */
    private VisibleMark enterpriseMark(EnterpriseSignatory enterprise) {
        PDRectangle box = FormLayout.enterpriseSealBox();
        return VisibleMark.roundSeal(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight(), enterprise.name(), font);
    }

    /** The registry promises PNG; anything else is drawn as the name rather than failing the signature half-way. */
    private static boolean isPng(byte[] image) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (image == null || image.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (image[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate the platform CA just issued has no DER", e);
        }
    }

    @Override
    public String toString() {
        return "PlatformFormSigner[" + ca + "]";
    }
}
