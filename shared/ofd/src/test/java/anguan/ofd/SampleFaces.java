package anguan.ofd;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.ECertificateFace;
import anguan.domain.certificate.Position;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import javax.imageio.ImageIO;

/** Faces as issue-certificate would hand them over: a C3 certificate with and without a photo. */
final class SampleFaces {

    static final String URL = "https://anguan.example.gov.cn/verify/%E6%B2%AAC3-2026-0000001?k=8f3a1c";
    static final String LICENCE_ID = "1.2.156.3005.2.11100000000013338W011.11310000002421097A.20260000001.001.Q";

    private SampleFaces() {
    }

    static ECertificateFace withPhoto() {
        return face(jpegPhoto());
    }

    static ECertificateFace face(byte[] photo) {
        return new ECertificateFace("沪建安C3（2026）0000001", "张晓明", Gender.M, LocalDate.of(1985, 3, 7), IdType.ID_CARD,
                "31010519850307123X", "上海浦江建设工程有限公司", "91310000MA1FL0XQ3K", Position.P08, Category.C3,
                LocalDate.of(2020, 6, 15), LocalDate.of(2026, 12, 1), LocalDate.of(2029, 11, 30), SealMaterial.AUTHORITY,
                LocalDate.of(2026, 12, 1), photo, URL, LICENCE_ID);
    }

    /** A 260 × 350 JPEG, the size of a registry photo. */
    static byte[] jpegPhoto() {
        BufferedImage image = new BufferedImage(260, 350, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 200), 0, 350, new Color(230, 230, 240)));
        g.fillRect(0, 0, 260, 350);
        g.setColor(new Color(60, 50, 40));
        g.fillOval(80, 70, 100, 130);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
