package anguan.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.ECertificateFace;
import anguan.domain.certificate.ECertificateRenderer.RenderedCertificate;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateOfdTest {

    private static CertificateOfd renderer;
    private static RenderedCertificate withPhoto;

    @BeforeAll
    static void sealAndRender() {
        renderer = new CertificateOfd(SealMaterial.create(Instant.parse("2026-12-01T00:00:00Z")));
        withPhoto = renderer.render(SampleFaces.withPhoto());
    }

    @Test
    void certificateIsNamedAfterItsNumberAndStaysSmall() {
        assertEquals("沪建安C3（2026）0000001.ofd", withPhoto.fileName());
        assertTrue(withPhoto.ofd().length <= 150 * 1024, "an e-certificate of " + withPhoto.ofd().length + " bytes");
        assertTrue(new OfdPackage(withPhoto.ofd()).files.keySet().stream().anyMatch(f -> f.endsWith(".ttf")), "the font is embedded");
    }

    @Test
    void authoritysSealVerifiesWithOfdrwsVerifier() {
        assertTrue(SealVerification.isValid(withPhoto.ofd()));
    }

    @Test
    void everyFaceFieldReadsBackFromThePageText() {
        List<String> texts = new OfdPackage(withPhoto.ofd()).texts();
        List<String> expected = List.of("安全生产考核合格证书",
                "姓名", "张晓明", "性别", "男", "出生日期", "1985年03月07日", "身份证件号码", "31010519850307123X",
                "企业名称", "上海浦江建设工程有限公司", "统一社会信用代码", "91310000MA1FL0XQ3K", "职务", "专职安全生产管理人员",
                "类别", "C3类 专职安全生产管理人员（综合）", "证书编号", "沪建安C3（2026）0000001", "初次领证日期", "2020年06月15日",
                "有效期", "2026年12月01日至2029年11月30日", "发证机关", "上海市住房和城乡建设管理委员会", "发证日期", "2026年12月01日",
                "证照标识：" + SampleFaces.LICENCE_ID);
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(texts);
        assertEquals(List.of(), missing, "texts on the page: " + texts);
    }

    @Test
    void aLongEnterpriseNameIsSetSmallerOnItsOwnLine() {
        String name = "上海市浦东新区张江高科技园区第一建筑工程集团（控股）股份有限公司第二十三分公司";
        ECertificateFace face = SampleFaces.face(null);
        ECertificateFace longName = new ECertificateFace(face.certificateNo(), face.name(), face.gender(), face.birthDate(),
                face.idType(), face.idNo(), name, face.uscc(), face.position(), face.category(), face.firstIssueDate(),
                face.validFrom(), face.validTo(), face.issuer(), face.issueDate(), null, face.verificationUrl(), face.licenceId());
        assertTrue(new OfdPackage(renderer.render(longName).ofd()).texts().contains(name));
        assertTrue(CertificateOfd.fittingSize(name) < CertificateOfd.fittingSize("上海浦江建设工程有限公司"));
    }

    @Test
    void oneChangedByteOfThePageBreaksTheSeal() {
        OfdPackage ofd = new OfdPackage(withPhoto.ofd());
        byte[] tampered = ofd.withChanged(OfdPackage.PAGE, "0000001", "0000002");
        assertFalse(SealVerification.isValid(tampered));
        // The same repacking without a change still verifies: the refusal is the changed byte's.
        assertTrue(SealVerification.isValid(ofd.withChanged(OfdPackage.PAGE, "0000001", "0000001")));
    }

    @Test
    void anUnsealedOrGarbledFileIsNotValid() {
        assertFalse(SealVerification.isValid(new byte[] {'P', 'K', 3, 4, 0, 0}));
    }

    @Test
    void photoIsPlacedInItsFrameAndAMissingOneLeavesANeutralFrame() {
        assertTrue(new OfdPackage(withPhoto.ofd()).boundaries("ImageObject").stream().anyMatch(CertificateOfdTest::isPhotoBox));

        RenderedCertificate without = renderer.render(SampleFaces.face(null));
        OfdPackage ofd = new OfdPackage(without.ofd());
        assertFalse(ofd.boundaries("ImageObject").stream().anyMatch(CertificateOfdTest::isPhotoBox), "no image where the photo goes");
        assertTrue(ofd.boundaries("PathObject").stream().anyMatch(CertificateOfdTest::isPhotoBox), "a frame where the photo goes");
        assertTrue(SealVerification.isValid(without.ofd()));
    }

    @Test
    void qrCodeOnTheFaceOpensTheVerificationPage() throws IOException, Exception {
        List<String> decoded = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : new OfdPackage(withPhoto.ofd()).files.entrySet()) {
            if (file.getKey().startsWith("Doc_0/Res/") && file.getKey().endsWith(".png")) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.getValue()));
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                try {
                    decoded.add(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText());
                } catch (NotFoundException e) {
                    // not the QR code (the seal's picture travels in the signature, not here)
                }
            }
        }
        assertEquals(List.of(SampleFaces.URL), decoded);
    }

    @Test
    void aPhotoThatIsNeitherJpegNorPngIsRefused() {
        ECertificateFace face = SampleFaces.face(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> renderer.render(face));
    }

    /** The photo's box: 26 × 35 mm at (166, 27), allowing for a border's width. */
    private static boolean isPhotoBox(double[] box) {
        return Math.abs(box[0] - CertificateOfd.PHOTO_X) < 1 && Math.abs(box[1] - CertificateOfd.PHOTO_Y) < 1
                && Math.abs(box[2] - CertificateOfd.PHOTO_WIDTH) < 1 && Math.abs(box[3] - CertificateOfd.PHOTO_HEIGHT) < 1;
    }
}
