package anguan.domain.certificate;

import anguan.domain.enterprise.Uscc;
import java.util.regex.Pattern;

/**
 * 证照标识: the national identifier of an e-certificate file,
 * {@code 1.2.156.3005.2.11100000000013338W011.<issuer USCC>.<year><serial>.<version>.<check>}.
 * The version rises each time the same certificate number gets a new file.
 */
public final class LicenceId {
    /** The national root for licence identifiers. */
    public static final String ROOT = "1.2.156.3005.2.";
    /** 证照类型代码 of the safety-production certificate for construction managers. */
    public static final String TYPE_CODE = "11100000000013338W011";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern SHAPE = Pattern.compile(
            Pattern.quote(ROOT + TYPE_CODE + ".") + "[0-9A-Z]{18}\\.\\d{11}\\.\\d{3}\\.[0-9A-Z]");
    private static final int MAX_VERSION = 999;

    private LicenceId() {
    }

    /**
     * The identifier of version {@code version} (1 for the first file) of certificate {@code no},
     * issued by the authority whose USCC is {@code issuerUscc}.
     */
    public static String of(String issuerUscc, CertificateNumber no, int version) {
        if (!Uscc.isValid(issuerUscc)) {
            throw new IllegalArgumentException("issuer USCC is not valid: " + issuerUscc);
        }
        if (version < 1 || version > MAX_VERSION) {
            throw new IllegalArgumentException("version must be 1.." + MAX_VERSION + ": " + version);
        }
        String body = "%s.%s.%04d%07d.%03d".formatted(TYPE_CODE, issuerUscc, no.year(), no.serial(), version);
        return ROOT + body + "." + checkCharacter(body);
    }

    /**
     * ISO/IEC 7064 MOD 37,36 over the part after {@link #ROOT} (dots ignored), exactly as DOMAIN.md
     * spells it.
     *
     * @throws IllegalArgumentException for a character outside 0-9, A-Z and the dot
     */
    public static char checkCharacter(String partAfterRoot) {
        int p = 36;
        for (int i = 0; i < partAfterRoot.length(); i++) {
            char c = partAfterRoot.charAt(i);
            if (c == '.') {
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a licence id character: " + c);
            }
            p = (p + value) % 36;
            if (p == 0) {
                p = 36;
            }
            p = (p * 2) % 37;
        }
        p = 37 - p;
        return ALPHABET.charAt(p == 36 ? 0 : p);
    }

    /**
     * Whether this has the shape of our licence identifiers and its check character is right. The
     * issuer USCC is checked for shape only: the national examples carry codes of other authorities.
     */
    public static boolean isValid(String licenceId) {
        if (licenceId == null || !SHAPE.matcher(licenceId).matches()) {
            return false;
        }
        String body = licenceId.substring(ROOT.length(), licenceId.length() - 2);
        return checkCharacter(body) == licenceId.charAt(licenceId.length() - 1);
    }
}
