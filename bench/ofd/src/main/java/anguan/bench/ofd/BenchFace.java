package anguan.bench.ofd;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.ECertificateFace;
import anguan.domain.certificate.Position;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.ofd.SealMaterial;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    /**
     * A 260 × 350 pixel ID photo, computed pixel by pixel: a blue ground lightening downwards, an
     * oval face under dark hair, dark shoulders, and sensor-like noise; JPEG at the JDK's default
     * quality.
     */
    static byte[] photo() throws IOException {
        int width = 260;
        int height = 350;
        int[] pixels = new int[width * height];
        Random noise = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double fx = (x - 130) / 55.0;
                double fy = (y - 130) / 70.0;
                boolean head = fx * fx + fy * fy <= 1;
                boolean hair = head && y < 95;
                boolean shoulders = y > 235 && Math.abs(x - 130) < 100 + (y - 235) / 3;
                int[] rgb = hair ? new int[] {40, 35, 30} : head ? new int[] {225, 190, 160} : shoulders ? new int[] {30, 40, 70}
                        : new int[] {70 + y * 155 / height, 120 + y * 110 / height, 190 + y * 50 / height};
                int d = (int) (noise.nextGaussian() * NOISE);
                pixels[y * width + x] = clamp(rgb[0] + d) << 16 | clamp(rgb[1] + d) << 8 | clamp(rgb[2] + d);
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    private static int clamp(int level) {
        return Math.max(0, Math.min(255, level));
    }
}
