package anguan.pdf.form;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Drawing on a form's page: bordered cells with wrapped text, set as real text in the embedded
 * font (searchable and copyable). Chinese breaks between any two characters, so a line wraps at
 * the last character that fits. The other documents on paper (the 行政审批受理通知书) are set the
 * same way, so they read as one family with the forms.
 */
public final class FormPage {

    public static final float TEXT_SIZE = 10.5f;
    public static final float SMALL_SIZE = 9f;
    static final float PADDING = 5f;
    static final float MIN_ROW_HEIGHT = 26f;

    private static final String NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)";

    private final PDPageContentStream out;
    private final PDFont font;
    private final Map<Integer, Float> advances = new HashMap<>();

    public FormPage(PDPageContentStream out, PDFont font) {
        this.out = out;
        this.font = font;
    }

    /** Width of {@code text} in points; refuses text the font cannot show, before anything is drawn. */
    public float width(String text, float size) throws IOException {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += advance(cp, text);
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    /**
     * A character's advance in font units, kept per document: wrapping measures every line again
     * with each character added, and PDFBox sets no kerning, so the sum of the advances is the width.
     */
    private float advance(int cp, String text) throws IOException {
        Float known = advances.get(cp);
        if (known != null) {
            return known;
        }
        try {
            float units = font.getStringWidth(new String(Character.toChars(cp)));
            advances.put(cp, units);
            return units;
        } catch (IllegalArgumentException noGlyph) {
            throw new UnprintableTextException(unprintable(text));
        }
    }

    private String unprintable(String text) throws IOException {
        StringBuilder missing = new StringBuilder();
        for (int cp : text.codePoints().distinct().toArray()) {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
            } catch (IllegalArgumentException noGlyph) {
                missing.append(ch);
            }
        }
        return missing.toString();
    }

    public static float leading(float size) {
        return size * 1.45f;
    }

    /**
     * The lines {@code text} takes in a column {@code width} wide; a {@code \n} ends a line. Closing
     * punctuation never starts a line (禁则): it hangs at the end of the line before, which is why
     * callers leave a few points of padding right of {@code width}.
     */
    public List<String> wrap(String text, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
                continue;
            }
            String ch = new String(Character.toChars(cp));
            float advance = advance(cp, text) / 1000f * size;
            if (!line.isEmpty() && NO_LINE_START.indexOf(cp) < 0 && lineWidth + advance > width) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            line.append(ch);
            lineWidth += advance;
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Height a cell needs for {@code text} wrapped into {@code width}. */
    public float cellHeight(String text, float width, float size) throws IOException {
        int lines = wrap(text, width - 2 * PADDING, size).size();
        return Math.max(MIN_ROW_HEIGHT, lines * leading(size) + 2 * PADDING);
    }

    public void text(String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    public void centred(String text, float centreX, float baseline, float size) throws IOException {
        text(text, centreX - width(text, size) / 2, baseline, size);
    }

    /**
     * A bordered cell whose top-left corner is at ({@code x}, {@code top}); its text wrapped and
     * centred vertically (and horizontally for a label).
     */
    public void cell(float x, float top, float width, float height, String text, boolean label, float size) throws IOException {
        out.addRect(x, top - height, width, height);
        out.stroke();
        List<String> lines = wrap(text, width - 2 * PADDING, size);
        float leading = leading(size);
        float block = lines.size() * leading;
        // First baseline: centre the block, then drop by the font's ascent share of a line.
        float baseline = top - (height - block) / 2 - leading + (leading - size) / 2 + size * 0.12f;
        for (String line : lines) {
            if (label) {
                centred(line, x + width / 2, baseline, size);
            } else {
                text(line, x + PADDING, baseline, size);
            }
            baseline -= leading;
        }
    }

    /** Paragraphs set from ({@code x}, {@code top}) down in a column {@code width} wide; returns the bottom. */
    public float paragraphs(List<String> paragraphs, float x, float top, float width, float size) throws IOException {
        float leading = leading(size);
        float baseline = top - size;
        for (String paragraph : paragraphs) {
            for (String line : wrap(paragraph, width, size)) {
                text(line, x, baseline, size);
                baseline -= leading;
            }
        }
        return baseline + leading - size * 0.3f;
    }

    public void frame(float x, float y, float width, float height) throws IOException {
        out.addRect(x, y, width, height);
        out.stroke();
    }

    /** The image scaled to fit inside the box, keeping its proportions, centred. */
    void image(PDImageXObject image, float x, float y, float width, float height) throws IOException {
        float scale = Math.min(width / image.getWidth(), height / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        out.drawImage(image, x + (width - w) / 2, y + (height - h) / 2, w, h);
    }
}
