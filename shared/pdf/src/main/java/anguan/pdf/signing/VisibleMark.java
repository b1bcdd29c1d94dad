package anguan.pdf.signing;

import java.util.Objects;

/**
 * Where and how a signature shows on page 1 (签字 or 盖章 box of the form): a rectangle in PDF
 * points from the page's lower-left corner, and either the signature image (个人签名图片, PNG) or,
 * without one, the signer's name in a red seal-like box. The name needs a font with its glyphs: a
 * CJK TrueType font's bytes for Chinese names; without font bytes only Latin names can be drawn.
 */
public record VisibleMark(float x, float y, float width, float height, byte[] png, String name, byte[] font) {
    public VisibleMark {
        Objects.requireNonNull(name, "name");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a visible mark has a positive width and height");
        }
        // Without font bytes the seal falls back to Helvetica, which has no CJK glyphs: refuse here,
        // before a placeholder is made, rather than fail half-way through drawing.
        if (png == null && font == null && !name.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("a seal with a name outside ASCII needs the bytes of a font that has its glyphs");
        }
    }

    public static VisibleMark image(float x, float y, float width, float height, byte[] png, String name) {
        return new VisibleMark(x, y, width, height, Objects.requireNonNull(png, "png"), name, null);
    }

    public static VisibleMark seal(float x, float y, float width, float height, String name, byte[] font) {
        return new VisibleMark(x, y, width, height, null, name, font);
    }

    @Override
    public String toString() {
        return "VisibleMark[" + x + "," + y + " " + width + "x" + height + (png == null ? ", seal" : ", image") + "]";
    }
}
