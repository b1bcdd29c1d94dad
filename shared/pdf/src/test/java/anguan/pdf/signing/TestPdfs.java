package anguan.pdf.signing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small documents and images made for the signing tests. */
final class TestPdfs {
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private TestPdfs() {
    }

    /** An A4 form-like page with a line of text per entry of {@code lines}. */
    static byte[] form(int lines) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 6);
                content.setLeading(7);
                content.newLineAtOffset(40, 800);
                for (int i = 0; i < lines; i++) {
                    content.showText("Application form line " + i + ": name, ID number, mobile, certificate table");
                    content.newLine();
                }
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signature-like PNG: a blue scribble on white. */
    static byte[] signaturePng() {
        BufferedImage image = new BufferedImage(200, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 80);
        g.setColor(Color.BLUE);
        g.drawLine(10, 60, 80, 15);
        g.drawLine(80, 15, 120, 65);
        g.drawLine(120, 65, 190, 20);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DejaVu Sans when the machine has it (embedded as a Type 0 font), else null (the Standard 14 Helvetica). */
    static SealFont fontOrNull() {
        try {
            return Files.isReadable(DEJAVU) ? SealFont.of(Files.readAllBytes(DEJAVU)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
