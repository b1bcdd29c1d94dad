package anguan.pdf.signing;

import anguan.pdf.font.FormFont;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The font a seal's name is cut in. A seal is a mark, not text: its name is drawn as the glyphs'
 * outlines ({@link #outlines()}), so a signature embeds no font (a CJK subset per signature would
 * cost more time and bytes than the signature itself). Parsing a CJK TrueType font costs more than the rest of a signature, so a font is
 * parsed once and the parsed font reused for every signature; it is parsed once per thread,
 * because a parsed font reads its tables lazily from one buffer, which two threads must not share.
 */
@FunctionalInterface
public interface SealFont {

    /** The parsed font of the calling thread. */
    TrueTypeFont outlines();

    /** The bundled Noto Sans SC ({@link FormFont}), which every document of ours is set in. */
    static SealFont bundled() {
        return FormFont::parsed;
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
        return parsed::get;
    }
}
