package anguan.pdf.signing;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A seal's characters as filled outlines taken from a TrueType font: vector, sharp at any zoom,
 * and no font in the document. Units: PDF user space; a character of {@code size} is as tall as
 * text of that point size.
 */
final class GlyphOutlines {
    private final TrueTypeFont font;
    private final float unitsPerEm;

    GlyphOutlines(TrueTypeFont font) throws IOException {
        this.font = font;
        this.unitsPerEm = font.getUnitsPerEm();
    }

    /** The advance of {@code codePoint} at {@code size}; 0 for a character the font lacks. */
    float advance(int codePoint, float size) throws IOException {
        int gid = glyphId(codePoint);
        return gid == 0 ? 0 : font.getAdvanceWidth(gid) * size / unitsPerEm;
    }

    float width(String text, float size) throws IOException {
        float width = 0;
        for (int cp : text.codePoints().toArray()) {
            width += advance(cp, size);
        }
        return width;
    }

    /**
     * Adds one character's outline with its baseline origin at (x, y), turned by {@code angle}
     * (radians, counter-clockwise), to the current path; the caller fills.
     */
    void add(PDPageContentStream content, int codePoint, float size, float x, float y, double angle) throws IOException {
        int gid = glyphId(codePoint);
        GlyphData glyph = gid == 0 ? null : font.getGlyph().getGlyph(gid);
        if (glyph == null) {
            return;
        }
        GeneralPath path = glyph.getPath();
        AffineTransform at = new AffineTransform();
        at.translate(x, y);
        at.rotate(angle);
        at.scale(size / unitsPerEm, size / unitsPerEm);
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        for (PathIterator it = path.getPathIterator(at); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    content.moveTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    content.lineTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // TrueType outlines are quadratic; PDF paths are cubic: the same curve, raised a degree.
                    content.curveTo(lastX + 2f / 3 * (c[0] - lastX), lastY + 2f / 3 * (c[1] - lastY),
                            c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    content.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> content.closePath();
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
    }

    private int glyphId(int codePoint) throws IOException {
        return font.getUnicodeCmapLookup().getGlyphId(codePoint);
    }
}
