package anguan.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.enterprise.Uscc;
import anguan.domain.testing.Gen;
import anguan.domain.testing.Property;
import anguan.domain.testing.Substitution;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** 证照标识 (ISO/IEC 7064 MOD 37,36) for any issuer, number and version. */
class LicenceIdPropertyTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.";
    private static final int TRIES = 150;

    record Issued(String issuer, CertificateNumber number, int version, String licenceId) {
    }

    static Issued anyIssued(Random random) {
        String issuer = Uscc.withCheckCharacter(Gen.chars(random, "0123456789ABCDEFGHJKLMNPQRTUWXY", 17));
        CertificateNumber number = CertificateNumberPropertyTest.anyNumber(random);
        int version = random.nextInt(1, 1000);
        return new Issued(issuer, number, version, LicenceId.of(issuer, number, version));
    }

    @Test
    void everyIdentifierVerifiesAndCarriesItsIssuerNumberAndVersion() {
        Property.forAll(TRIES, LicenceIdPropertyTest::anyIssued, issued -> {
            String id = issued.licenceId();
            assertTrue(LicenceId.isValid(id), id);
            String[] parts = id.substring(LicenceId.ROOT.length()).split("\\.");
            assertEquals(LicenceId.TYPE_CODE, parts[0]);
            assertEquals(issued.issuer(), parts[1]);
            assertEquals("%04d%07d".formatted(issued.number().year(), issued.number().serial()), parts[2]);
            assertEquals(issued.version(), Integer.parseInt(parts[3]));
            assertEquals(String.valueOf(LicenceId.checkCharacter(id.substring(LicenceId.ROOT.length(), id.length() - 2))), parts[4]);
        });
    }

    @Test
    void everyOneCharacterSubstitutionIsRefused() {
        Property.forAll(TRIES, LicenceIdPropertyTest::anyIssued, issued -> {
            for (Substitution typo : Substitution.allOf(issued.licenceId(), ALPHABET)) {
                assertFalse(LicenceId.isValid(typo.text()), typo.toString());
            }
        });
    }
}
