package anguan.bench.ofd;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.ofdrw.sign.ExtendSignatureContainer;

/**
 * The change this benchmark proposes for CertificateOfd, measured beside the bare seal: the same
 * GB/T 38540 v4 electronic signature (TBS_Sign over the SM3 digest of Signature.xml, signed
 * SM3withSM2, the seal and the certificate in SES_Signature) as ofdrw's {@code SESV4Container},
 * with one BouncyCastle provider for every certificate. ofdrw's container builds a new
 * {@link BouncyCastleProvider} for each signature, which registers all of BouncyCastle's
 * algorithms again: a sixth of a certificate's time (OfdBench prints both).
 */
final class SharedProviderSeal implements ExtendSignatureContainer {

    private static final Provider BC = new BouncyCastleProvider();

    private final PrivateKey key;
    private final SESeal seal;
    private final X509Certificate certificate;

    SharedProviderSeal(PrivateKey key, SESeal seal, X509Certificate certificate) {
        this.key = key;
        this.seal = seal;
        this.certificate = certificate;
    }

    @Override
    public MessageDigest getDigestFnc() {
        return new SM3.Digest();
    }

    @Override
    public ASN1ObjectIdentifier getSignAlgOID() {
        return GMObjectIdentifiers.sm2sign_with_sm3;
    }

    @Override
    public byte[] sign(InputStream signatureXml, String propertyInfo) throws IOException, GeneralSecurityException {
        TBS_Sign toBeSigned = new TBS_Sign()
                .setVersion(SES_Header.V4)
                .setEseal(seal)
                .setTimeInfo(new ASN1GeneralizedTime(new Date(), Locale.CHINA))
                .setDataHash(getDigestFnc().digest(signatureXml.readAllBytes()))
                .setPropertyInfo(propertyInfo);
        Signature sm2 = Signature.getInstance("SM3withSM2", BC);
        sm2.initSign(key);
        sm2.update(toBeSigned.getEncoded("DER"));
        return new SES_Signature()
                .setToSign(toBeSigned)
                .setCert(certificate)
                .setSignatureAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                .setSignature(sm2.sign())
                .getEncoded("DER");
    }

    @Override
    public byte[] getSeal() throws IOException {
        return seal.getEncoded("DER");
    }

    @Override
    public SigType getSignType() {
        return SigType.Seal;
    }
}
