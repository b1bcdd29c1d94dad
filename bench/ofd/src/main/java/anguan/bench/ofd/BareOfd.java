package anguan.bench.ofd;

import anguan.domain.certificate.ECertificateFace;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.font.Font;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.TextAlign;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.SESV4Container;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * The baseline the OFD benchmark compares with: the same e-certificate page (the same texts at the
 * same places in the same font, the photo, the QR code) written with nothing but ofdrw's layout
 * calls the way its README shows them (files in a folder, {@code OFDDoc} to a file), the font
 * subset with fontbox's {@link TTFSubsetter}, and sealed with ofdrw's {@link OFDSigner} and an SM2
 * electronic seal built the way ofdrw's own tests build one ({@code SESealTest},
 * {@code SESV4ContainerTest}). No fitting of long values, no checks, no width map: what any OFD
 * certificate made with ofdrw must at least spend. Each step is a method of its own so that the
 * benchmark can time the steps apart (where the time of a certificate goes).
 */
final class BareOfd {

    /** The same bundled font CertificateOfd subsets (anguan-font's Noto Sans SC Regular), read here as a bare program would. */
    static final String FONT_RESOURCE = "/anguan/font/NotoSansSC-Regular.ttf";

    /** The tables anguan's subset keeps, so that sizes compare like with like. */
    static final List<String> TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "post",
            "glyf", "loca", "hmtx", "cvt ", "fpgm", "prep", "gasp");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private static final byte[] FONT = readFont();

    /** fontbox reads a parsed font's tables lazily from one buffer: one parse per thread. */
    private static final ThreadLocal<TrueTypeFont> PARSED = ThreadLocal.withInitial(BareOfd::parse);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final SESeal seal;
    private final Path fullFont;

    /** How the font reaches the page: a subset as anguan makes it, fontbox's default subset, or the whole file. */
    enum Embedding { SUBSET, SUBSET_ALL_TABLES, FULL_FONT }

    BareOfd(PrivateKey key, X509Certificate certificate, byte[] sealPicture) throws Exception {
        this.key = key;
        this.certificate = certificate;
        this.seal = seal(key, certificate, sealPicture);
        this.fullFont = Files.createTempFile("bare-ofd-font-", ".ttf");
        Files.write(fullFont, FONT);
        fullFont.toFile().deleteOnExit();
    }

    /** The whole certificate: the page laid out in a folder of its own, written, sealed, read back. */
    byte[] render(ECertificateFace face, Embedding embedding) throws Exception {
        Path dir = Files.createTempDirectory("bare-ofd-");
        try {
            Path unsigned = layOut(face, embedding, dir);
            return seal(unsigned, dir);
        } finally {
            delete(dir);
        }
    }

    /** The page before its seal, as bytes: the input of the seal step timed alone. */
    byte[] unsigned(ECertificateFace face) throws Exception {
        Path dir = Files.createTempDirectory("bare-ofd-");
        try {
            return Files.readAllBytes(layOut(face, Embedding.SUBSET, dir));
        } finally {
            delete(dir);
        }
    }

    /** The labels and values of the face, in the order the standard prints them. */
    static Map<String, String> texts(ECertificateFace face) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("姓名", face.name());
        t.put("性别", face.gender().displayName());
        t.put("出生日期", DAY.format(face.birthDate()));
        t.put("身份证件号码", face.idNo());
        t.put("企业名称", face.enterpriseName());
        t.put("统一社会信用代码", face.uscc());
        t.put("职务", face.position().displayName());
        t.put("类别", face.category().name() + "类 " + face.category().displayName());
        t.put("证书编号", face.certificateNo());
        t.put("初次领证日期", DAY.format(face.firstIssueDate()));
        t.put("有效期", DAY.format(face.validFrom()) + "至" + DAY.format(face.validTo()));
        t.put("发证机关", face.issuer());
        t.put("发证日期", DAY.format(face.issueDate()));
        return t;
    }

    /** Every character the page shows, for the subset. */
    static String shown(ECertificateFace face) {
        StringBuilder all = new StringBuilder("安全生产考核合格证书证照标识：").append(face.licenceId());
        texts(face).forEach((label, value) -> all.append(label).append(value));
        return all.toString();
    }

    /** The step "font subset": the glyphs of the page (and printable ASCII) out of the 10 MB font. */
    static byte[] subset(String text, List<String> tables) throws IOException {
        TTFSubsetter subsetter = tables == null ? new TTFSubsetter(PARSED.get()) : new TTFSubsetter(PARSED.get(), tables);
        text.codePoints().forEach(subsetter::add);
        for (int c = 32; c < 127; c++) {
            subsetter.add(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        return out.toByteArray();
    }

    /** The step "QR code": zxing's matrix drawn 4 pixels a module into a black and white PNG. */
    static byte[] qr(String url) throws Exception {
        BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
                ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
        BufferedImage img = new BufferedImage(m.getWidth() * 4, m.getHeight() * 4, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, m.get(x / 4, y / 4) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Subset, QR code and page: the unsigned OFD written to {@code dir/unsigned.ofd}. */
    Path layOut(ECertificateFace face, Embedding embedding, Path dir) throws Exception {
        Path fontFile = switch (embedding) {
            case SUBSET -> Files.write(dir.resolve("font.ttf"), subset(shown(face), TABLES));
            case SUBSET_ALL_TABLES -> Files.write(dir.resolve("font.ttf"), subset(shown(face), null));
            case FULL_FONT -> fullFont;
        };
        Path qrFile = Files.write(dir.resolve("qr.png"), qr(face.verificationUrl()));
        Path photoFile = face.photo() == null ? null : Files.write(dir.resolve("photo.jpg"), face.photo());
        return page(face, new Font("NotoSansSC-Regular", "Noto Sans SC", fontFile), qrFile, photoFile, dir.resolve("unsigned.ofd"));
    }

    /** The step "layout": the A5 page with ofdrw's paragraphs and images at absolute places, zipped to a file. */
    static Path page(ECertificateFace face, Font font, Path qrFile, Path photoFile, Path out) throws Exception {
        VirtualPage page = new VirtualPage(new PageLayout(210d, 148d).setMargin(0d));
        page.add(new Paragraph("安全生产考核合格证书", 7.5d, font).setTextAlign(TextAlign.center)
                .setPosition(Position.Absolute).setXY(0d, 10d).setWidth(210d));
        int row = 0;
        for (Map.Entry<String, String> text : texts(face).entrySet()) {
            double y = 27 + row++ * 7.4;
            page.add(new Paragraph(text.getKey(), 3.7d, font).setPosition(Position.Absolute).setXY(16d, y).setWidth(36d));
            page.add(new Paragraph(text.getValue(), 3.7d, font).setPosition(Position.Absolute).setXY(52d, y).setWidth(104d));
        }
        page.add(new Paragraph("证照标识：" + face.licenceId(), 2.4d, font).setPosition(Position.Absolute).setXY(16d, 139d).setWidth(178d));
        if (photoFile != null) {
            page.add(new Img(26d, 35d, photoFile).setPosition(Position.Absolute).setXY(166d, 27d));
        }
        page.add(new Img(30d, 30d, qrFile).setPosition(Position.Absolute).setXY(164d, 82d));
        try (OFDDoc doc = new OFDDoc(out)) {
            doc.addVPage(page);
        }
        return out;
    }

    /** The step "seal": ofdrw's signer over every file of the package (SM3 digests, SM2 signature), read back. */
    byte[] seal(Path unsigned, Path dir) throws Exception {
        Path signed = dir.resolve("signed.ofd");
        try (OFDReader reader = new OFDReader(unsigned);
             OFDSigner signer = new OFDSigner(reader, signed)) {
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(ofdrwContainer());
            signer.addApPos(new NormalStampPos(1, 102, 95.8, 40, 40));
            signer.exeSign();
        }
        return Files.readAllBytes(signed);
    }

    /**
     * As {@link #seal(Path, Path)}, from and to memory (the streams CertificateOfd uses) with the
     * signature container given ({@link #ofdrwContainer}).
     */
    byte[] sealInMemory(byte[] unsigned, ExtendSignatureContainer container) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(unsigned));
             OFDSigner signer = new OFDSigner(reader, out)) {
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(container);
            signer.addApPos(new NormalStampPos(1, 102, 95.8, 40, 40));
            signer.exeSign();
        }
        return out.toByteArray();
    }

    /** ofdrw's own GB/T 38540 v4 container, as its tests use it. */
    ExtendSignatureContainer ofdrwContainer() {
        return new SESV4Container(key, seal, certificate);
    }

    /** Removes a work folder and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** A GB/T 38540 v4 seal as ofdrw's SESealTest builds one: header, property, picture, signed SM3withSM2. */
    private static SESeal seal(PrivateKey key, X509Certificate certificate, byte[] picture) throws Exception {
        ASN1EncodableVector certs = new ASN1EncodableVector(1);
        certs.add(new DEROctetString(certificate.getEncoded()));
        SES_SealInfo info = new SES_SealInfo()
                .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("bare-ofdrw")))
                .setEsID(new DERIA5String(UUID.randomUUID().toString().replace("-", "")))
                .setProperty(new SES_ESPropertyInfo()
                        .setType(new ASN1Integer(1))
                        .setName(new DERUTF8String("上海市住房和城乡建设管理委员会电子印章"))
                        .setCertListType(SES_ESPropertyInfo.CertListType)
                        .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType, new DERSequence(certs)))
                        .setCreateDate(new ASN1GeneralizedTime(certificate.getNotBefore()))
                        .setValidStart(new ASN1GeneralizedTime(certificate.getNotBefore()))
                        .setValidEnd(new ASN1GeneralizedTime(certificate.getNotAfter())))
                .setPicture(new SES_ESPictrueInfo().setType("PNG").setData(picture).setWidth(40).setHeight(40));
        Signature sm2 = Signature.getInstance("SM3WithSM2", new BouncyCastleProvider());
        sm2.initSign(key);
        sm2.update(info.getEncoded("DER"));
        return new SESeal().seteSealInfo(info).setCert(certificate).setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                .setSignedValue(sm2.sign());
    }

    private static TrueTypeFont parse() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(FONT));
        } catch (IOException e) {
            throw new IllegalStateException("the bundled font cannot be parsed", e);
        }
    }

    private static byte[] readFont() {
        try (InputStream in = BareOfd.class.getResourceAsStream(FONT_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the bundled font cannot be read", e);
        }
    }
}
