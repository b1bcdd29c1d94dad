package anguan.pdf.ca;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * How the platform names its certificates' holders.
 * <ul>
 * <li>Person (个人): {@code CN=<name>, serialNumber=PSN-<pseudonym>, C=CN} ({@link HolderPseudonym}).</li>
 * <li>Enterprise (企业一证通, also on hardware tokens): {@code CN=<name>, O=<name>,
 * organizationIdentifier=NTRCN-<USCC>, C=CN}. organizationIdentifier (2.5.4.97) is the attribute
 * ETSI EN 319 412-1 gives a legal person's registration number, "NTR" + country + "-" + number;
 * "the USCC in the subject" is read from there and nowhere else.</li>
 * </ul>
 */
public final class CertificateSubjects {
    static final String USCC_PREFIX = "NTRCN-";
    private static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = BCStyle.ORGANIZATION_IDENTIFIER;

    private CertificateSubjects() {
    }

    static X500Name person(String name, String pseudonym) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.SERIALNUMBER, pseudonym)
                .addRDN(BCStyle.CN, name)
                .build();
    }

    static X500Name enterprise(String name, String uscc) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(ORGANIZATION_IDENTIFIER, USCC_PREFIX + uscc)
                .addRDN(BCStyle.O, name)
                .addRDN(BCStyle.CN, name)
                .build();
    }

    /** The USCC an enterprise certificate names, if it names one. */
    public static Optional<String> usccOf(X509Certificate certificate) {
        return attribute(certificate, ORGANIZATION_IDENTIFIER)
                .filter(value -> value.startsWith(USCC_PREFIX))
                .map(value -> value.substring(USCC_PREFIX.length()));
    }

    /** The subject with attribute names a reader knows (organizationIdentifier, serialNumber), for reports and logs. */
    public static String describe(X509Certificate certificate) {
        return X500Name.getInstance(BCStyle.INSTANCE, certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    /**
     * The pseudonym ({@link HolderPseudonym}) of a person's certificate, from its subject as
     * {@link #describe} gives it (what a verifier reports), if it names one.
     */
    public static Optional<String> pseudonymIn(String describedSubject) {
        try {
            RDN[] rdns = new X500Name(BCStyle.INSTANCE, describedSubject).getRDNs(BCStyle.SERIALNUMBER);
            return rdns.length == 1 && rdns[0].getFirst().getValue() instanceof ASN1String value
                    ? Optional.of(value.getString())
                    : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The holder's name (CN). */
    public static Optional<String> nameOf(X509Certificate certificate) {
        return attribute(certificate, BCStyle.CN);
    }

    private static Optional<String> attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(type);
        return rdns.length == 1 && rdns[0].getFirst().getValue() instanceof ASN1String value
                ? Optional.of(value.getString())
                : Optional.empty();
    }
}
