package anguan.bench.ofd;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.ECertificateFace;
import anguan.domain.certificate.Position;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.ofd.SealMaterial;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The face the OFD benchmark renders, as issue-certificate hands it over: a C3 certificate of a
 * holder with a four-character name at an enterprise with a long Chinese name, and a registry-sized
 * photo whose JPEG is about 30 KB (a flat synthetic picture would compress to a third of a real
 * one, and the photo is most of a certificate's bytes).
 */
final class BenchFace {

    /** The noise's standard deviation in levels of 255, chosen for a JPEG of about 30 KB. */
    private static final double NOISE = 20;

    private BenchFace() {
    }

    static ECertificateFace of(byte[] photo) {
        return new ECertificateFace("沪建安C3（2026）0012345", "欧阳晓燕", Gender.F, LocalDate.of(1979, 11, 23), IdType.ID_CARD,
                "310104197911230048", "上海申城建设工程集团有限公司", "91310000MA1FL0XQ3K", Position.P08, Category.C3,
                LocalDate.of(2020, 6, 15), LocalDate.of(2026, 12, 1), LocalDate.of(2029, 11, 30), SealMaterial.AUTHORITY,
                LocalDate.of(2026, 12, 1), photo, "https://anguan.example.gov.cn/verify/%E6%B2%AAC3-2026-0012345?k=8f3a1c",
                "1.2.156.3005.2.11100000000013338W011.11310000002421097A.20260012345.001.Q");
    }

    /** A 260 × 350 pixel ID photo (a face on a graded ground, with sensor-like noise), JPEG at the JDK's default quality. */
    static byte[] photo() {
        BufferedImage image = new BufferedImage(260, 350, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(70, 120, 190), 0, 350, new Color(225, 230, 240)));
        g.fillRect(0, 0, 260, 350);
        g.setColor(new Color(225, 190, 160));
        g.fillOval(75, 60, 110, 140);
        g.setColor(new Color(40, 35, 30));
        g.fillArc(70, 45, 120, 90, 0, 180);
        g.setColor(new Color(30, 40, 70));
        g.fillRoundRect(30, 230, 200, 140, 60, 60);
        g.dispose();
        Random noise = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int d = (int) (noise.nextGaussian() * NOISE);
                image.setRGB(x, y, (clamp((rgb >> 16 & 0xFF) + d) << 16) | (clamp((rgb >> 8 & 0xFF) + d) << 8) | clamp((rgb & 0xFF) + d));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int clamp(int level) {
        return Math.max(0, Math.min(255, level));
    }
}
