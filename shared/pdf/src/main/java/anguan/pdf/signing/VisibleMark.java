package anguan.pdf.signing;

import java.util.Objects;

/**
 * Where and how a signature shows on page 1 (签字 or 盖章 box of the form): a rectangle in PDF
 * points from the page's lower-left corner, and either the signature image (个人签名图片, PNG) or,
 * without one, the signer's name in red: in a seal-like box (a person's name) or round around a
 * star, as an official seal (公章) is cut (an enterprise's or the authority's). The name needs a font
 * with its glyphs, such as {@link SealFont#bundled()} for Chinese names; without a font only Latin
 * names can be drawn.
 */
public record VisibleMark(float x, float y, float width, float height, byte[] png, String name, SealFont font, Shape shape) {

    /** How a name without an image is drawn. */
    public enum Shape {
        /** The name on one line in a red double-ruled box: a person's name seal (名章). */
        NAME_BOX,
        /** The name round the upper rim of a red ring, a star in the middle: an organisation's seal (公章). */
        ROUND
    }

    public VisibleMark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a visible mark has a positive width and height");
        }
        // Without a font the seal falls back to Helvetica, which has no CJK glyphs: refuse here,
        // before a placeholder is made, rather than fail half-way through drawing.
        if (png == null && font == null && !name.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("a seal with a name outside ASCII needs a font that has its glyphs");
        }
    }

    public static VisibleMark image(float x, float y, float width, float height, byte[] png, String name) {
        return new VisibleMark(x, y, width, height, Objects.requireNonNull(png, "png"), name, null, Shape.NAME_BOX);
    }

    public static VisibleMark seal(float x, float y, float width, float height, String name, SealFont font) {
        return new VisibleMark(x, y, width, height, null, name, font, Shape.NAME_BOX);
    }

    /** A round seal that fills the largest circle inside the rectangle. */
    public static VisibleMark roundSeal(float x, float y, float width, float height, String name, SealFont font) {
        return new VisibleMark(x, y, width, height, null, name, font, Shape.ROUND);
    }

    @Override
    public String toString() {
        return "VisibleMark[" + x + "," + y + " " + width + "x" + height + (png == null ? ", " + shape : ", image") + "]";
    }
}
