package anguan.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.ofdrw.core.basicStructure.pageObj.Page;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.block.CT_PageBlock;
import org.ofdrw.core.basicStructure.pageObj.layer.block.ImageObject;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/**
 * What an issued OFD says, read back with ofdrw's reader as a viewer would: the text of every text
 * object in page order, and whether the holder's photo is on the face. The tests that follow a
 * certificate from the approval to the file use this (through an isolated class loader where
 * anguan-pdf is on the class path), so that "the certificate carries the full ID number" is
 * checked on the file itself rather than on what was handed to the renderer.
 */
public final class OfdContents {

    private OfdContents() {
    }

    /**
     * Every text object's content, page by page in document order.
     *
     * @throws IllegalArgumentException when the bytes are no readable OFD
     */
    public static List<String> texts(byte[] ofd) {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            return List.copyOf(new ContentExtractor(reader).extractAll());
        } catch (IOException e) {
            throw new UncheckedIOException("the OFD cannot be read", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable OFD (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Whether an image fills the photo's box of the first page ({@link CertificateOfd}'s 26 × 35 mm
     * at its place): a holder without a photo gets an empty frame there instead.
     */
    public static boolean hasPhoto(byte[] ofd) {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            Page page = reader.getPage(1);
            if (page.getContent() == null) {
                return false;
            }
            List<ST_Box> images = new ArrayList<>();
            for (CT_Layer layer : page.getContent().getLayers()) {
                collectImages(layer.getPageBlocks(), images);
            }
            return images.stream().anyMatch(OfdContents::isPhotoBox);
        } catch (IOException e) {
            throw new UncheckedIOException("the OFD cannot be read", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a readable OFD (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Image objects may sit in nested page blocks (a layout's Div). */
    private static void collectImages(List<PageBlockType> blocks, List<ST_Box> into) {
        for (PageBlockType block : blocks) {
            if (block instanceof ImageObject image && image.getBoundary() != null) {
                into.add(image.getBoundary());
            } else if (block instanceof CT_PageBlock nested) {
                collectImages(nested.getPageBlocks(), into);
            }
        }
    }

    private static boolean isPhotoBox(ST_Box box) {
        return Math.abs(box.getTopLeftX() - CertificateOfd.PHOTO_X) < 1 && Math.abs(box.getTopLeftY() - CertificateOfd.PHOTO_Y) < 1
                && Math.abs(box.getWidth() - CertificateOfd.PHOTO_WIDTH) < 1 && Math.abs(box.getHeight() - CertificateOfd.PHOTO_HEIGHT) < 1;
    }
}
