package anguan.ofd;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.ofdrw.sign.ExtendSignatureContainer;

/**
 * The authority's GB/T 38540 v4 electronic signature over an OFD's {@code Signature.xml}: the
 * SM3 digest of it in a TBS_Sign with the seal and the time, signed SM3withSM2, wrapped in an
 * SES_Signature with the authority's certificate. The same structure as ofdrw's
 * {@code SESV4Container} (ofdrw's own verifier checks it), with one difference that is the
 * reason it exists: ofdrw's container builds a new {@code BouncyCastleProvider} for every
 * signature, which registers all of BouncyCastle's algorithms again, about 7 ms of a 40 ms
 * certificate (bench/ofd measured it); this one signs with {@link SealMaterial#sign}, BouncyCastle's
 * lightweight SM2 signer, which needs no provider at all.
 */
final class AuthoritySignature implements ExtendSignatureContainer {
    private final SealMaterial material;
    private final SESeal seal;

    AuthoritySignature(SealMaterial material, SESeal seal) {
        this.material = material;
        this.seal = seal;
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
        return new SES_Signature()
                .setToSign(toBeSigned)
                .setCert(material.certificate())
                .setSignatureAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                .setSignature(material.sign(toBeSigned.getEncoded("DER")))
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
