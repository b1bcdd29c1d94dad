package anguan.ofd;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;

/**
 * The authority's electronic seal (电子印章, GB/T 38540 v4) made from its {@link SealMaterial}: an
 * official seal (type 1) named after the authority, valid as long as its certificate, listing that
 * certificate as the one signer, with the seal picture 40 mm across, signed SM3withSM2 by the
 * authority's own key. The authority is its own seal maker here; a seal from a seal maker would be
 * read from its ESL file instead.
 */
final class ElectronicSeal {

    /** GB/T 38540 印章类型: 1 单位印章 (an organisation's seal), 2 个人印章. */
    private static final int ORGANISATION_SEAL = 1;

    /** The printed size of the seal picture in millimetres. */
    static final int SIZE_MM = 40;

    private ElectronicSeal() {
    }

    static SESeal of(SealMaterial material) {
        try {
            X509Certificate certificate = material.certificate();
            ASN1EncodableVector signers = new ASN1EncodableVector(1);
            signers.add(new DEROctetString(certificate.getEncoded()));
            SES_ESPropertyInfo property = new SES_ESPropertyInfo()
                    .setType(new ASN1Integer(ORGANISATION_SEAL))
                    .setName(new DERUTF8String(SealMaterial.AUTHORITY + "电子印章"))
                    .setCertListType(SES_ESPropertyInfo.CertListType)
                    .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType, new DERSequence(signers)))
                    .setCreateDate(new ASN1GeneralizedTime(certificate.getNotBefore()))
                    .setValidStart(new ASN1GeneralizedTime(certificate.getNotBefore()))
                    .setValidEnd(new ASN1GeneralizedTime(certificate.getNotAfter()));
            SES_ESPictrueInfo picture = new SES_ESPictrueInfo()
                    .setType("PNG")
                    .setData(material.sealImage())
                    .setWidth(SIZE_MM)
                    .setHeight(SIZE_MM);
            SES_SealInfo sealInfo = new SES_SealInfo()
                    .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("anguan")))
                    .setEsID(new DERIA5String(certificate.getSerialNumber().toString(16)))
                    .setProperty(property)
                    .setPicture(picture);

            return new SESeal()
                    .seteSealInfo(sealInfo)
                    .setCert(certificate)
                    .setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                    .setSignedValue(material.sign(sealInfo.getEncoded("DER")));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the electronic seal cannot be made from its material", e);
        }
    }
}
