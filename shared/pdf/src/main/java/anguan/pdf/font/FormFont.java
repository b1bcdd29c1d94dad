package anguan.pdf.font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font every document of ours is set in: Noto Sans SC Regular (OFL, see {@code OFL.txt}
 * beside it), a TrueType-outline font, because PDFBox embeds only those (a CFF font such as Noto
 * Sans CJK cannot be embedded). The package carries it, so a Lambda needs no system fonts.
 *
 * <p>Each document embeds only the glyphs it uses (a subset, named {@code ABCDEF+NotoSansSC-Regular}),
 * so a form stays small. The 10 MB file is read from the class path once per container and parsed
 * once per thread: parsing it costs more than the rest of a form, and a parsed font reads its
 * tables lazily from one buffer, which two threads must not share.
 */
public final class FormFont {

    private static final String RESOURCE = "NotoSansSC-Regular.ttf";

    private static final byte[] BYTES = read();

    private static final ThreadLocal<TrueTypeFont> PARSED = ThreadLocal.withInitial(FormFont::parse);

    private FormFont() {
    }

    /** The font, to be embedded into {@code document} as a subset of the glyphs it shows. */
    public static PDType0Font embedIn(PDDocument document) {
        try {
            // embedSubset = true; the parsed font stays ours (the document does not close it).
            return PDType0Font.load(document, PARSED.get(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + RESOURCE + " cannot be embedded", e);
        }
    }

    /**
     * The parsed font of this thread, for drawing glyph outlines (the seals' names) without
     * embedding the font; not to be shared with another thread.
     */
    public static TrueTypeFont parsed() {
        return PARSED.get();
    }

    /** Size of the full font file in bytes (what the package carries, not what a document embeds). */
    public static int fileSize() {
        return BYTES.length;
    }

    private static TrueTypeFont parse() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + RESOURCE + " cannot be parsed", e);
        }
    }

    private static byte[] read() {
        try (InputStream in = FormFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the font " + RESOURCE + " is missing from the package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + RESOURCE + " cannot be read", e);
        }
    }
}
