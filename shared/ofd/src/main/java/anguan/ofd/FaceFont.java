package anguan.ofd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The font of the e-certificate's face: Noto Sans SC Regular (OFL, {@code OFL.txt} beside it),
 * copied at build time from shared/pdf's resources, because this module must never share a class
 * path with anguan-pdf (DESIGN.md, Known constraints).
 *
 * <p>ofdrw embeds a font file whole, and the full CJK font would make a 6 MB certificate, so each
 * certificate embeds a subset of only the characters it shows, made with fontbox's
 * {@link TTFSubsetter}. The subset keeps {@code cmap}, {@code name} and {@code post}: an OFD reader
 * maps the Unicode of a TextCode to its glyph through the font's own {@code cmap}, unlike a PDF.
 * The 10 MB file is read once per container and parsed once per thread, because a parsed font
 * reads its tables lazily from one buffer that two threads must not share.
 */
final class FaceFont {

    static final String FAMILY = "Noto Sans SC";

    private static final String RESOURCE = "font/NotoSansSC-Regular.ttf";

    private static final byte[] BYTES = read();

    private static final ThreadLocal<TrueTypeFont> PARSED = ThreadLocal.withInitial(FaceFont::parse);

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
            TTFSubsetter subsetter = new TTFSubsetter(PARSED.get(), KEPT_TABLES);
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
            TrueTypeFont font = PARSED.get();
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

    private static TrueTypeFont parse() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + RESOURCE + " cannot be parsed", e);
        }
    }

    private static byte[] read() {
        try (InputStream in = FaceFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the font " + RESOURCE + " is missing from the package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + RESOURCE + " cannot be read", e);
        }
    }
}
