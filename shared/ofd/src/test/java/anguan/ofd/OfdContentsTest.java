package anguan.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OfdContents reads with ofdrw what OfdPackage reads from the raw XML: the two must agree. */
class OfdContentsTest {

    private static byte[] withPhoto;
    private static byte[] withoutPhoto;

    @BeforeAll
    static void render() {
        CertificateOfd renderer = new CertificateOfd(SealMaterial.create(Instant.parse("2026-12-01T00:00:00Z")));
        withPhoto = renderer.render(SampleFaces.withPhoto()).ofd();
        withoutPhoto = renderer.render(SampleFaces.face(null)).ofd();
    }

    @Test
    void theTextsAreEveryTextObjectOfThePageInOrder() {
        assertEquals(new OfdPackage(withPhoto).texts(), OfdContents.texts(withPhoto));
    }

    @Test
    void theTextsCarryTheFullIdNumberTheNumberAndTheLicenceId() {
        var texts = OfdContents.texts(withPhoto);
        assertTrue(texts.contains("31010519850307123X"), texts::toString);
        assertTrue(texts.contains("沪建安C3（2026）0000001"), texts::toString);
        assertTrue(texts.contains("证照标识：" + SampleFaces.LICENCE_ID), texts::toString);
        assertEquals("安全生产考核合格证书", texts.getFirst());
    }

    @Test
    void aPhotoIsSeenWhereTheHolderHasOneAndNotWhereTheFrameIsEmpty() {
        assertTrue(OfdContents.hasPhoto(withPhoto));
        assertFalse(OfdContents.hasPhoto(withoutPhoto));
    }

    @Test
    void bytesThatAreNoOfdAreRefused() {
        byte[] garbage = "no zip at all".getBytes(StandardCharsets.UTF_8);
        assertThrows(RuntimeException.class, () -> OfdContents.texts(garbage));
        assertThrows(RuntimeException.class, () -> OfdContents.hasPhoto(garbage));
    }
}
