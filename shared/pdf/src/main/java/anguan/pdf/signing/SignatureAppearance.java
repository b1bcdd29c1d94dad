package anguan.pdf.signing;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

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
        try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
            if (mark.png() != null) {
                drawImage(document, content, mark);
            } else {
                drawSeal(document, content, mark);
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

    /** The name in red inside a red double-ruled box, the largest size that fits. */
    private static void drawSeal(PDDocument document, PDPageContentStream content, VisibleMark mark) throws IOException {
        PDFont font = mark.font() == null
                ? new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD)
                : PDType0Font.load(document, new ByteArrayInputStream(mark.font()), true);
        content.setStrokingColor(SEAL_RED);
        content.setNonStrokingColor(SEAL_RED);
        content.setLineWidth(BORDER);
        content.addRect(BORDER, BORDER, mark.width() - 2 * BORDER, mark.height() - 2 * BORDER);
        content.stroke();
        content.setLineWidth(BORDER / 2);
        float inset = 3 * BORDER;
        content.addRect(inset, inset, mark.width() - 2 * inset, mark.height() - 2 * inset);
        content.stroke();
        float unitWidth = font.getStringWidth(mark.name()) / 1000;
        float size = Math.min((mark.height() - 4 * inset) * 0.8f, unitWidth == 0 ? 12 : (mark.width() - 4 * inset) / unitWidth);
        float textWidth = unitWidth * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((mark.width() - textWidth) / 2, (mark.height() - size * 0.7f) / 2);
        content.showText(mark.name());
        content.endText();
    }
}
