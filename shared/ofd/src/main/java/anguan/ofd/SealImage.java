package anguan.ofd;

import anguan.font.BundledFont;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;

/**
 * The picture of a local seal: the round red official seal of a Chinese authority (a ring, the
 * name along the upper arc, a five-pointed star in the middle) on a transparent ground, drawn with
 * Java2D in the face font, so the local seal needs no image file.
 */
final class SealImage {

    private static final int SIZE = 240;
    private static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);

    private SealImage() {
    }

    static byte[] png(String name) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(SEAL_RED);
            g.setStroke(new BasicStroke(SIZE * 0.035f));
            g.drawOval(SIZE / 40, SIZE / 40, SIZE - SIZE / 20, SIZE - SIZE / 20);
            g.fill(star(SIZE / 2.0, SIZE / 2.0, SIZE * 0.155));
            drawArc(g, name, font(SIZE * 0.095f));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(indexed(image), "png", out);
        return out.toByteArray();
    }

    /**
     * The picture in a palette of 16 shades of seal red over transparency (4 bits a pixel): the seal
     * travels twice in every certificate (in the seal and in the signature), so its size counts.
     */
    private static BufferedImage indexed(BufferedImage argb) {
        int shades = 16;
        byte[] r = new byte[shades], gr = new byte[shades], b = new byte[shades], alpha = new byte[shades];
        for (int i = 0; i < shades; i++) {
            r[i] = (byte) SEAL_RED.getRed();
            gr[i] = (byte) SEAL_RED.getGreen();
            b[i] = (byte) SEAL_RED.getBlue();
            alpha[i] = (byte) (i * 255 / (shades - 1));
        }
        IndexColorModel palette = new IndexColorModel(4, shades, r, gr, b, alpha);
        BufferedImage indexed = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_BYTE_BINARY, palette);
        WritableRaster raster = indexed.getRaster();
        for (int y = 0; y < argb.getHeight(); y++) {
            for (int x = 0; x < argb.getWidth(); x++) {
                raster.setSample(x, y, 0, Math.round((argb.getRGB(x, y) >>> 24) * (shades - 1) / 255f));
            }
        }
        return indexed;
    }

    /** The name's characters spread over the upper 240° of the ring, each upright to the centre. */
    private static void drawArc(Graphics2D g, String name, Font font) {
        g.setFont(font);
        int count = name.codePointCount(0, name.length());
        double sweep = Math.toRadians(240);
        double radius = SIZE * 0.425;
        int[] codePoints = name.codePoints().toArray();
        for (int i = 0; i < count; i++) {
            double angle = -sweep / 2 + sweep * (i + 0.5) / count;
            AffineTransform saved = g.getTransform();
            g.translate(SIZE / 2.0, SIZE / 2.0);
            g.rotate(angle);
            String glyph = new String(codePoints, i, 1);
            int width = g.getFontMetrics().stringWidth(glyph);
            g.drawString(glyph, -width / 2f, (float) (-radius + g.getFont().getSize2D() * 0.9));
            g.setTransform(saved);
        }
    }

    private static Polygon star(double cx, double cy, double outer) {
        Polygon star = new Polygon();
        double inner = outer * 0.382;
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            star.addPoint((int) Math.round(cx + r * Math.cos(a)), (int) Math.round(cy + r * Math.sin(a)));
        }
        return star;
    }

    private static Font font(float size) throws IOException {
        try (InputStream in = BundledFont.open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.BOLD, size);
        } catch (FontFormatException e) {
            throw new IOException("the face font cannot be read by Java2D", e);
        }
    }
}
