package anguan.ofd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An OFD read as what it is, a zip of XML and resources, without ofdrw: what a reader sees. */
final class OfdPackage {

    static final String PAGE = "Doc_0/Pages/Page_0/Content.xml";

    final Map<String, byte[]> files;

    OfdPackage(byte[] ofd) {
        files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of each TextObject of the page (its TextCodes joined), in page order. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        NodeList objects = page().getElementsByTagNameNS("*", "TextObject");
        for (int i = 0; i < objects.getLength(); i++) {
            NodeList codes = ((Element) objects.item(i)).getElementsByTagNameNS("*", "TextCode");
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < codes.getLength(); j++) {
                text.append(codes.item(j).getTextContent());
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** The Boundary attributes ("x y w h") of the page's objects of one kind (ImageObject, PathObject). */
    List<double[]> boundaries(String kind) {
        List<double[]> boxes = new ArrayList<>();
        NodeList objects = page().getElementsByTagNameNS("*", kind);
        for (int i = 0; i < objects.getLength(); i++) {
            String[] parts = ((Element) objects.item(i)).getAttribute("Boundary").trim().split("\\s+");
            double[] box = new double[4];
            for (int k = 0; k < 4; k++) {
                box[k] = Double.parseDouble(parts[k]);
            }
            boxes.add(box);
        }
        return boxes;
    }

    /** The same package with {@code from} replaced by {@code to} (of the same length) in one file. */
    byte[] withChanged(String file, String from, String to) {
        String content = new String(files.get(file), StandardCharsets.UTF_8);
        if (!content.contains(from) || from.getBytes(StandardCharsets.UTF_8).length != to.getBytes(StandardCharsets.UTF_8).length) {
            throw new IllegalArgumentException(from + " is not in " + file + " or differs in length from " + to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getKey().equals(file) ? content.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8) : entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Document page() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(files.get(PAGE)));
        } catch (Exception e) {
            throw new IllegalStateException("the page content cannot be parsed", e);
        }
    }
}
