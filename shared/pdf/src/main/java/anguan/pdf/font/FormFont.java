package anguan.pdf.font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font every document of ours is set in: Noto Sans SC Regular (OFL, see {@code OFL.txt}
 * beside it), a TrueType-outline font, because PDFBox embeds only those (a CFF font such as Noto
 * Sans CJK cannot be embedded). The package carries it, so a Lambda needs no system fonts.
 *
 * <p>The 10 MB file is read from the class path once per container; each document embeds only the
 * glyphs it uses (a subset, named {@code ABCDEF+NotoSansSC-Regular}), so a form stays small.
 */
public final class FormFont {

    private static final String RESOURCE = "NotoSansSC-Regular.ttf";

    private static final byte[] BYTES = read();

    private FormFont() {
    }

    /** The font, to be embedded into {@code document} as a subset of the glyphs it shows. */
    public static PDType0Font embedIn(PDDocument document) {
        try {
            // A buffer that wraps the cached bytes (no 10 MB copy per document); embedSubset = true,
            // and PDFBox closes the parsed font with the document.
            return PDType0Font.load(document, new RandomAccessReadBuffer(BYTES), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + RESOURCE + " cannot be parsed", e);
        }
    }

    /** Size of the full font file in bytes (what the package carries, not what a document embeds). */
    public static int fileSize() {
        return BYTES.length;
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
