package anguan.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SealMaterialTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    /** One local seal for the class: each takes an SM2 key and a drawing in the 10 MB face font. */
    private static final SealMaterial material = SealMaterial.create(NOW);

    @Test
    void localSealIsAnSm2CertificateOfTheAuthority() {
        assertEquals("1.2.156.10197.1.501", material.certificate().getSigAlgOID(), "SM3withSM2");
        assertTrue(material.certificate().getSubjectX500Principal().getName().contains(SealMaterial.AUTHORITY));
        assertTrue(material.certificate().getNotBefore().toInstant().isBefore(NOW));
        assertTrue(material.certificate().getNotAfter().toInstant().isAfter(NOW.plusSeconds(9L * 365 * 86_400)));
    }

    @Test
    void sealPictureIsARoundRedSealOnATransparentGround() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(material.sealImage()));
        assertEquals(image.getWidth(), image.getHeight());
        int corner = image.getRGB(0, 0);
        assertEquals(0, corner >>> 24, "the corner outside the ring is transparent");
        int centre = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
        assertEquals(255, centre >>> 24, "the star in the middle is opaque");
        assertTrue(((centre >> 16) & 0xFF) > 180 && ((centre >> 8) & 0xFF) < 60, "and red");
    }

    @Test
    void serialisedMaterialParsesBackAndStillSeals() {
        SealMaterial parsed = SealMaterial.parse(material.serialise());
        assertArrayEquals(material.privateKey().getEncoded(), parsed.privateKey().getEncoded());
        assertEquals(material.certificate(), parsed.certificate());
        assertArrayEquals(material.sealImage(), parsed.sealImage());
        assertTrue(SealVerification.isValid(new CertificateOfd(parsed).render(SampleFaces.face(null)).ofd()));
    }

    @Test
    void privateKeyNeverShowsInToString() {
        String key = Base64.getEncoder().encodeToString(material.privateKey().getEncoded());
        assertFalse(material.toString().contains(key.substring(0, 24)));
        assertTrue(material.serialise().contains(key), "only the serialised form for the data folder carries it");
    }

    @Test
    void damagedTextIsRefusedWithoutQuotingIt() {
        String text = material.serialise();
        String key = text.lines().filter(l -> l.startsWith("privateKey=")).findFirst().orElseThrow();
        String damaged = text.replace(key, key.substring(0, 40) + "!!" + key.substring(42));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SealMaterial.parse(damaged));
        assertFalse(refused.getMessage().contains(key.substring(11, 40)));
        assertThrows(IllegalArgumentException.class, () -> SealMaterial.parse(text.replace(key, "")));
        assertThrows(IllegalArgumentException.class, () -> SealMaterial.parse(null));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        SealMaterial other = SealMaterial.create(NOW);
        KeyPair mismatched = new KeyPair(material.certificate().getPublicKey(), other.privateKey());
        assertThrows(IllegalArgumentException.class, () -> new SealMaterial(mismatched, material.certificate(), material.sealImage()));
    }
}
