package anguan.pdf.form;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** Reads a rendered form back the way a reader's viewer would: its text, its text in an area. */
final class RenderedPdf {

    private RenderedPdf() {
    }

    static PDDocument open(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * All the text of the document in the order it is drawn (what a reader's copy and paste gets):
     * cell by cell, so a value wrapped over two lines in a narrow cell stays together.
     */
    static String text(byte[] pdf) {
        try (PDDocument document = open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every blank and line break removed, so a sentence wrapped over lines reads whole. */
    static String joined(byte[] pdf) {
        return text(pdf).replaceAll("\\s+", "");
    }

    /** The text inside a rectangle given in PDF points from the lower-left corner. */
    static String textIn(byte[] pdf, PDRectangle box) {
        try (PDDocument document = open(pdf)) {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            float pageHeight = document.getPage(0).getMediaBox().getHeight();
            stripper.addRegion("box", new Rectangle2D.Float(box.getLowerLeftX(), pageHeight - box.getUpperRightY(),
                    box.getWidth(), box.getHeight()));
            stripper.extractRegions(document.getPage(0));
            return stripper.getTextForRegion("box").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
