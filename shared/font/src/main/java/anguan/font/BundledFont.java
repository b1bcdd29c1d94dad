package anguan.font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The one CJK font of every document we make, the PDF forms and notices (anguan-pdf) and the OFD
 * e-certificates (anguan-ofd): Noto Sans SC Regular (OFL, see {@code OFL.txt} beside it), a
 * TrueType-outline font, since PDFBox embeds only those. The package carries it, so a Lambda needs
 * no system fonts. A module of its own, with fontbox alone, because anguan-pdf and anguan-ofd must
 * never share a class path (their BouncyCastle lines differ) and both need the same file.
 *
 * <p>The 10 MB file is read from the class path once per container and parsed once per thread:
 * parsing it costs more than the rest of a form, and a parsed font reads its tables lazily from
 * one buffer, which two threads must not share.
 */
public final class BundledFont {
    private static final String RESOURCE = "NotoSansSC-Regular.ttf";

    private static final byte[] BYTES = read();

    private static final ThreadLocal<TrueTypeFont> PARSED = ThreadLocal.withInitial(BundledFont::parse);

    private BundledFont() {
    }

    /** The parsed font of this thread (subsetting, embedding, glyph outlines); not to be shared with another thread. */
    public static TrueTypeFont parsed() {
        return PARSED.get();
    }

    /** The font file itself, read-only, for readers that take a stream (Java2D). */
    public static InputStream open() {
        return new ByteArrayInputStream(BYTES);
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
        try (InputStream in = BundledFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the font " + RESOURCE + " is missing from the package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the font " + RESOURCE + " cannot be read", e);
        }
    }
}
