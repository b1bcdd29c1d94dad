package anguan.font;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

class BundledFontTest {
    @Test
    void theBundledFontIsNotoSansScWithTheCjkGlyphsOfAFace() throws Exception {
        TrueTypeFont font = BundledFont.parsed();
        assertEquals("NotoSansSC-Regular", font.getName());
        for (char c : "安全生产考核合格证书沪建安（）".toCharArray()) {
            assertTrue(font.getUnicodeCmapLookup().getGlyphId(c) > 0, "a glyph for " + c);
        }
        try (InputStream in = BundledFont.open()) {
            assertEquals(BundledFont.fileSize(), in.readAllBytes().length);
        }
    }

    @Test
    void eachThreadParsesItsOwnFontOnce() throws Exception {
        TrueTypeFont mine = BundledFont.parsed();
        assertSame(mine, BundledFont.parsed());
        CompletableFuture<TrueTypeFont> other = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> other.complete(BundledFont.parsed())).join();
        assertNotSame(mine, other.get(), "a parsed font reads lazily from one buffer: never shared between threads");
    }
}
