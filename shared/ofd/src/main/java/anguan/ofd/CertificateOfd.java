package anguan.ofd;

import anguan.domain.certificate.ECertificateFace;
import anguan.domain.certificate.ECertificateRenderer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ofdrw.font.Font;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.TextAlign;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * The e-certificate (电子证书) as an OFD (GB/T 33190): one A5 landscape page with the face fields of
 * C0317-2022 as real text in the subset face font, the photo (or a neutral frame), the QR code of
 * the public verification page and the 证照标识, sealed over the whole document with the
 * authority's SM2 electronic seal (GB/T 38540 v4, SM3withSM2), so that any later change of any
 * file of the package breaks the seal.
 *
 * <p>ofdrw takes fonts and images as files only, so each render works in its own temporary folder
 * (Lambda's {@code /tmp}) and removes it. The electronic seal is made once, in the constructor.
 */
public final class CertificateOfd implements ECertificateRenderer {

    static final String TITLE = "安全生产考核合格证书";

    /** The dates of the face, as Chinese certificates print them: 2026年12月01日. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private static final double PAGE_WIDTH = 210;
    private static final double PAGE_HEIGHT = 148;
    private static final double LABEL_X = 16;
    private static final double VALUE_X = 52;
    private static final double VALUE_WIDTH = 104;
    private static final double FIRST_ROW_Y = 27;
    private static final double ROW_HEIGHT = 7.4;
    private static final double TEXT_SIZE = 3.7;
    /** The smallest size a long value (an enterprise's name) shrinks to before it wraps. */
    private static final double SMALLEST_TEXT_SIZE = 2.6;

    /** The photo: 26 × 35 mm, the proportions of a one-inch ID photo. */
    static final double PHOTO_X = 166;
    static final double PHOTO_Y = 27;
    static final double PHOTO_WIDTH = 26;
    static final double PHOTO_HEIGHT = 35;

    private static final double QR_X = 164;
    private static final double QR_Y = 82;
    private static final double QR_SIZE = 30;

    private final SealMaterial material;
    private final SESeal seal;

    public CertificateOfd(SealMaterial material) {
        this.material = material;
        this.seal = ElectronicSeal.of(material);
    }

    @Override
    public RenderedCertificate render(ECertificateFace face) {
        Path work = null;
        try {
            work = Files.createTempDirectory("anguan-ofd-");
            byte[] unsigned = layOut(face, work);
            return new RenderedCertificate(face.certificateNo() + ".ofd", sealed(unsigned));
        } catch (IOException e) {
            throw new UncheckedIOException("the e-certificate " + face.certificateNo() + " cannot be written", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the e-certificate " + face.certificateNo() + " cannot be sealed", e);
        } finally {
            delete(work);
        }
    }

    /** The face's rows, label and value, in the order of C0317-2022. */
    static List<String[]> rows(ECertificateFace face) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"姓名", text(face.name())});
        rows.add(new String[] {"性别", face.gender() == null ? "" : face.gender().displayName()});
        rows.add(new String[] {"出生日期", date(face.birthDate())});
        rows.add(new String[] {"身份证件号码", text(face.idNo())});
        rows.add(new String[] {"企业名称", text(face.enterpriseName())});
        rows.add(new String[] {"统一社会信用代码", text(face.uscc())});
        rows.add(new String[] {"职务", face.position() == null ? "" : face.position().displayName()});
        rows.add(new String[] {"类别", face.category() == null ? "" : face.category().name() + "类 " + face.category().displayName()});
        rows.add(new String[] {"证书编号", face.certificateNo()});
        rows.add(new String[] {"初次领证日期", date(face.firstIssueDate())});
        rows.add(new String[] {"有效期", date(face.validFrom()) + "至" + date(face.validTo())});
        rows.add(new String[] {"发证机关", text(face.issuer())});
        rows.add(new String[] {"发证日期", date(face.issueDate())});
        return rows;
    }

    private byte[] layOut(ECertificateFace face, Path work) throws IOException {
        List<String[]> rows = rows(face);
        String licence = "证照标识：" + text(face.licenceId());
        StringBuilder shown = new StringBuilder(TITLE).append(licence);
        rows.forEach(row -> shown.append(row[0]).append(row[1]));
        Path fontFile = Files.write(work.resolve("NotoSansSC-Subset.ttf"), FaceFont.subsetFor(shown.toString()));
        Font font = new Font("NotoSansSC-Regular", FaceFont.FAMILY, fontFile, FaceFont.asciiWidths());

        VirtualPage page = new VirtualPage(new PageLayout(PAGE_WIDTH, PAGE_HEIGHT).setMargin(0d));
        page.add(at(new Paragraph(TITLE, 7.5d, font).setTextAlign(TextAlign.center), 0, 10, PAGE_WIDTH));
        for (int i = 0; i < rows.size(); i++) {
            double y = FIRST_ROW_Y + i * ROW_HEIGHT;
            page.add(at(new Paragraph(rows.get(i)[0], TEXT_SIZE, font), LABEL_X, y, VALUE_X - LABEL_X));
            if (!rows.get(i)[1].isEmpty()) {
                String value = rows.get(i)[1];
                page.add(at(new Paragraph(value, fittingSize(value), font), VALUE_X, y, VALUE_WIDTH));
            }
        }
        page.add(at(new Paragraph(licence, 2.4d, font), LABEL_X, PAGE_HEIGHT - 9, PAGE_WIDTH - 2 * LABEL_X));
        page.add(photo(face.photo(), work));
        Img qr = new Img(QR_SIZE, QR_SIZE, Files.write(work.resolve("qrcode.png"), QrCode.png(text(face.verificationUrl()))));
        page.add(at(qr, QR_X, QR_Y, QR_SIZE));

        ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
        try (OFDDoc doc = new OFDDoc(out)) {
            doc.addVPage(page);
        }
        return out.toByteArray();
    }

    /**
     * The text size at which {@code value} fits its line: a long enterprise name is set smaller
     * rather than wrapped into the next row. ofdrw measures ASCII by the font's widths and every
     * other character as a full square, and so does this.
     */
    static double fittingSize(String value) {
        double[] ascii = FaceFont.asciiWidths();
        double ems = value.chars().mapToDouble(c -> c >= 32 && c <= 126 ? ascii[c - 32] : 1).sum();
        double fitting = VALUE_WIDTH / Math.max(ems, 1) * 0.98;
        return Math.max(SMALLEST_TEXT_SIZE, Math.min(TEXT_SIZE, fitting));
    }

    /** The photo at its place, or a neutral frame (a thin grey border) where the holder has none. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Div photo(byte[] photo, Path work) throws IOException {
        if (photo == null) {
            Div frame = new Div(PHOTO_WIDTH, PHOTO_HEIGHT);
            frame.setBorder(0.3d);
            frame.setBorderColor(160, 160, 160);
            return at(frame, PHOTO_X, PHOTO_Y, PHOTO_WIDTH);
        }
        Path file = Files.write(work.resolve("photo." + PhotoFormat.of(photo)), photo);
        return at(new Img(PHOTO_WIDTH, PHOTO_HEIGHT, file), PHOTO_X, PHOTO_Y, PHOTO_WIDTH);
    }

    /** Seals the whole document: every file of the package is listed and digested (SM3) in the signature. */
    private byte[] sealed(byte[] unsigned) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(unsigned.length + 16 * 1024);
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(unsigned));
             OFDSigner signer = new OFDSigner(reader, out)) {
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(new AuthoritySignature(material, seal));
            // Over 发证机关 and 发证日期, where a paper certificate carries the authority's seal.
            double sealY = FIRST_ROW_Y + 11 * ROW_HEIGHT - ElectronicSeal.SIZE_MM / 2.0 + ROW_HEIGHT;
            signer.addApPos(new NormalStampPos(1, VALUE_X + 50, sealY, ElectronicSeal.SIZE_MM, ElectronicSeal.SIZE_MM));
            signer.exeSign();
        }
        return out.toByteArray();
    }

    /** ofdrw's Div is a raw self-typed generic; its setters return the same element. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Div at(Div div, double x, double y, double width) {
        div.setPosition(Position.Absolute);
        div.setX(x);
        div.setY(y);
        div.setWidth(width);
        return div;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A left-over temporary folder costs disk space only; the certificate itself is done.
        }
    }
}
