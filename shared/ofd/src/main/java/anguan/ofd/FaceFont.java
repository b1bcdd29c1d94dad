package anguan.ofd;

import anguan.font.BundledFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The font of the e-certificate's face: the bundled Noto Sans SC Regular ({@link BundledFont},
 * the same file as the PDF forms', from the font-only module that both may share).
 *
 * <p>ofdrw embeds a font file whole, and the full CJK font would make a 6 MB certificate, so each
 * certificate embeds a subset of only the characters it shows, made with fontbox's
 * {@link TTFSubsetter}. The subset keeps {@code cmap}, {@code name} and {@code post}: an OFD reader
 * maps the Unicode of a TextCode to its glyph through the font's own {@code cmap}, unlike a PDF.
 */
final class FaceFont {

    static final String FAMILY = "Noto Sans SC";

    /**
     * The tables a subset keeps: outlines, metrics, hinting, and cmap, name and post for the OFD
     * reader. Not GSUB, GPOS or vmtx, which the subsetter would copy whole (170 KB of the CJK font)
     * and which a face of horizontal, unshaped Chinese text does not use.
     */
    private static final List<String> KEPT_TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "post",
            "glyf", "loca", "hmtx", "cvt ", "fpgm", "prep", "gasp");

    private static final double[] ASCII_WIDTHS = measuredAsciiWidths();

    private FaceFont() {
    }

    /** A TrueType file with the glyphs of {@code text} only (and those of the printable ASCII range). */
    static byte[] subsetFor(String text) {
        Set<Integer> codePoints = new TreeSet<>();
        text.codePoints().forEach(codePoints::add);
        // ASCII stays whole: ofdrw measures it with the width map below, and it costs a few KB only.
        for (int c = 32; c <= 126; c++) {
            codePoints.add(c);
        }
        try {
            TTFSubsetter subsetter = new TTFSubsetter(BundledFont.parsed(), KEPT_TABLES);
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the face font cannot be subset", e);
        }
    }

    /**
     * Advance widths of the printable ASCII characters as fractions of the font size, for ofdrw's
     * line layout, which otherwise takes every ASCII character as half a square (Noto's digits and
     * Latin letters are proportional) and every other character as a whole one (right for CJK).
     */
    static double[] asciiWidths() {
        return ASCII_WIDTHS.clone();
    }

    private static double[] measuredAsciiWidths() {
        try {
            TrueTypeFont font = BundledFont.parsed();
            double unitsPerEm = font.getUnitsPerEm();
            double[] widths = new double[126 - 32 + 1];
            for (int c = 32; c <= 126; c++) {
                widths[c - 32] = font.getAdvanceWidth(font.getUnicodeCmapLookup().getGlyphId(c)) / unitsPerEm;
            }
            return widths;
        } catch (IOException e) {
            throw new UncheckedIOException("the face font's widths cannot be read", e);
        }
    }
}
