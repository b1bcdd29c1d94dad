package anguan.pdf.font;

import anguan.font.BundledFont;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font every PDF of ours is set in: the bundled Noto Sans SC Regular ({@link BundledFont}),
 * a TrueType-outline font, because PDFBox embeds only those (a CFF font such as Noto Sans CJK
 * cannot be embedded).
 *
 * <p>Each document embeds only the glyphs it uses (a subset, named {@code ABCDEF+NotoSansSC-Regular}),
 * so a form stays small.
 */
public final class FormFont {

    private FormFont() {
    }

    /** The font, to be embedded into {@code document} as a subset of the glyphs it shows. */
    public static PDType0Font embedIn(PDDocument document) {
        try {
            // embedSubset = true; the parsed font stays ours (the document does not close it).
            return PDType0Font.load(document, BundledFont.parsed(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font cannot be embedded", e);
        }
    }

    /**
     * The parsed font of this thread, for drawing glyph outlines (the seals' names) without
     * embedding the font; not to be shared with another thread.
     */
    public static TrueTypeFont parsed() {
        return BundledFont.parsed();
    }

    /** Size of the full font file in bytes (what the package carries, not what a document embeds). */
    public static int fileSize() {
        return BundledFont.fileSize();
    }
}
