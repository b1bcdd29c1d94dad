package anguan.pdf.signing;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;

/** Draws a {@link VisibleMark} as the normal appearance of a signature's widget. */
final class SignatureAppearance {
    private static final Color SEAL_RED = new Color(0xC8, 0x10, 0x2E);
    private static final float BORDER = 1.5f;

    private SignatureAppearance() {
    }

    static void apply(PDDocument document, PDAnnotationWidget widget, VisibleMark mark) throws IOException {
        widget.setRectangle(new PDRectangle(mark.x(), mark.y(), mark.width(), mark.height()));
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(mark.width(), mark.height()));
        stream.setResources(new PDResources());
        // compressed: a seal's outlines are a few hundred curves
        try (PDPageContentStream content = new PDPageContentStream(document, stream,
                stream.getStream().createOutputStream(COSName.FLATE_DECODE))) {
            // Ink on paper: the red multiplies with what lies under it, so text under a seal stays legible.
            PDExtendedGraphicsState ink = new PDExtendedGraphicsState();
            ink.setBlendMode(BlendMode.MULTIPLY);
            content.setGraphicsStateParameters(ink);
            if (mark.png() != null) {
                drawImage(document, content, mark);
            } else if (mark.font() == null) {
                drawSeal(content, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), mark);
            } else if (mark.shape() == VisibleMark.Shape.ROUND) {
                drawRoundSeal(content, new GlyphOutlines(mark.font().outlines()), mark);
            } else {
                drawSeal(content, new GlyphOutlines(mark.font().outlines()), mark);
            }
        }
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(stream);
        widget.setAppearance(appearance);
    }

    /** The image scaled to fit the box, keeping its proportions, centred. */
    private static void drawImage(PDDocument document, PDPageContentStream content, VisibleMark mark) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(document, mark.png(), "signature.png");
        float scale = Math.min(mark.width() / image.getWidth(), mark.height() / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        content.drawImage(image, (mark.width() - w) / 2, (mark.height() - h) / 2, w, h);
    }

    /** The name cut in red inside a red double-ruled box, the largest size that fits. */
    private static void drawSeal(PDPageContentStream content, GlyphOutlines glyphs, VisibleMark mark) throws IOException {
        float inset = rule(content, mark);
        float unitWidth = glyphs.width(mark.name(), 1);
        float size = Math.min((mark.height() - 4 * inset) * 0.8f, unitWidth == 0 ? 12 : (mark.width() - 4 * inset) / unitWidth);
        float x = (mark.width() - unitWidth * size) / 2;
        float y = (mark.height() - size * 0.7f) / 2;
        for (int cp : mark.name().codePoints().toArray()) {
            glyphs.add(content, cp, size, x, y, 0);
            x += glyphs.advance(cp, size);
        }
        content.fill();
    }

    /** The red double rule round the box; answers the inner inset. */
    private static float rule(PDPageContentStream content, VisibleMark mark) throws IOException {
        content.setStrokingColor(SEAL_RED);
        content.setNonStrokingColor(SEAL_RED);
        content.setLineWidth(BORDER);
        content.addRect(BORDER, BORDER, mark.width() - 2 * BORDER, mark.height() - 2 * BORDER);
        content.stroke();
        content.setLineWidth(BORDER / 2);
        float inset = 3 * BORDER;
        content.addRect(inset, inset, mark.width() - 2 * inset, mark.height() - 2 * inset);
        content.stroke();
        return inset;
    }

    /** A Latin name in Helvetica (no font given): only for tests of the mark's frame. */
    private static void drawSeal(PDPageContentStream content, PDFont font, VisibleMark mark) throws IOException {
        float inset = rule(content, mark);
        float unitWidth = font.getStringWidth(mark.name()) / 1000;
        float size = Math.min((mark.height() - 4 * inset) * 0.8f, unitWidth == 0 ? 12 : (mark.width() - 4 * inset) / unitWidth);
        float textWidth = unitWidth * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((mark.width() - textWidth) / 2, (mark.height() - size * 0.7f) / 2);
        content.showText(mark.name());
        content.endText();
    }

    /**
     * A red ring with the name round its upper rim, read left to right, each character upright
     * towards the rim, and a five-pointed star in the middle: the way an official seal (公章) is cut.
     */
    private static void drawRoundSeal(PDPageContentStream content, GlyphOutlines glyphs, VisibleMark mark) throws IOException {
        float cx = mark.width() / 2;
        float cy = mark.height() / 2;
        float radius = Math.min(mark.width(), mark.height()) / 2 - BORDER;
        float ring = Math.max(BORDER, radius * 0.05f);
        content.setStrokingColor(SEAL_RED);
        content.setNonStrokingColor(SEAL_RED);
        content.setLineWidth(ring);
        circle(content, cx, cy, radius - ring / 2);
        content.stroke();
        star(content, cx, cy, radius * 0.3f);
        content.fill();

        int[] codePoints = mark.name().codePoints().toArray();
        if (codePoints.length == 0) {
            return;
        }
        double maxSpan = Math.toRadians(250);
        // The largest size at which every character fits its share of the arc, and a third of the radius at most.
        float size = radius * 0.3f;
        float baselineRadius = radius - 2.2f * ring - size;
        while (size > 4 && codePoints.length * size * 1.02f > baselineRadius * maxSpan) {
            size *= 0.95f;
            baselineRadius = radius - 2.2f * ring - size;
        }
        double step = size * 1.02f / baselineRadius;
        double span = step * (codePoints.length - 1);
        for (int i = 0; i < codePoints.length; i++) {
            double angle = Math.PI / 2 + span / 2 - i * step;
            float halfWidth = glyphs.advance(codePoints[i], size) / 2;
            // The character's baseline is the tangent at its angle; its up points out of the circle.
            float x = (float) (cx + baselineRadius * Math.cos(angle) - halfWidth * Math.sin(angle));
            float y = (float) (cy + baselineRadius * Math.sin(angle) + halfWidth * Math.cos(angle));
            glyphs.add(content, codePoints[i], size, x, y, angle - Math.PI / 2);
        }
        content.fill();
    }

    /** A circle as four Bézier quarters. */
    private static void circle(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closePath();
    }

    /** A five-pointed star, one point up. */
    private static void star(PDPageContentStream content, float cx, float cy, float outer) throws IOException {
        float inner = outer * 0.382f;
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float r = i % 2 == 0 ? outer : inner;
            float x = (float) (cx + r * Math.cos(angle));
            float y = (float) (cy + r * Math.sin(angle));
            if (i == 0) {
                content.moveTo(x, y);
            } else {
                content.lineTo(x, y);
            }
        }
        content.closePath();
    }
}
