package anguan.pdf.signing;

import anguan.pdf.font.FormFont;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font a seal's name is set in, embedded into each signed document as a subset of the glyphs
 * it shows. Parsing a CJK TrueType font costs more than the rest of a signature, so a font is
 * parsed once and the parsed font reused for every signature; it is parsed once per thread,
 * because a parsed font reads its tables lazily from one buffer, which two threads must not share.
 */
@FunctionalInterface
public interface SealFont {

    PDFont embedIn(PDDocument document) throws IOException;

    /** The bundled Noto Sans SC ({@link FormFont}), which every document of ours is set in. */
    static SealFont bundled() {
        return FormFont::embedIn;
    }

    /** Another TrueType-outline font, from its file's bytes; parsed on first use in each thread. */
    static SealFont of(byte[] trueType) {
        byte[] bytes = trueType.clone();
        ThreadLocal<TrueTypeFont> parsed = ThreadLocal.withInitial(() -> {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("the seal's font cannot be parsed", e);
            }
        });
        // embedSubset = true; the parsed font stays ours (the document does not close it).
        return document -> PDType0Font.load(document, parsed.get(), true);
    }
}
