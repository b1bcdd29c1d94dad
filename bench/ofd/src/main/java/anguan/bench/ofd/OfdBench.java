package anguan.bench.ofd;

import anguan.domain.certificate.ECertificateFace;
import anguan.ofd.CertificateOfd;
import anguan.ofd.SealMaterial;
import anguan.ofd.SealVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ofdrw.font.Font;

/**
 * The e-certificate's numbers (issue 7), in one run and a JVM of its own (anguan-ofd's BouncyCastle
 * jdk15on must not meet anguan-pdf's jdk18on): warm p50/p99 of {@link CertificateOfd#render} against
 * {@link BareOfd} making the same sealed page with ofdrw alone (our overhead as a ratio, target ≤
 * 1.3×), the bare steps timed apart (font subset, QR code, layout, seal: where a certificate's
 * time goes, ours uses the same calls), certificates per second in two threads, and the sizes
 * (target ≤ 150 KB). Every output is first checked with ofdrw's verifier: a comparison with a
 * baseline whose seal does not verify would be unfair, so the run stops if one fails.
 */
public final class OfdBench {

    /**
     * fontbox warns on every parse of Noto's cmap format 14 (variation sequences, unused here); held
     * here because java.util.logging keeps its loggers weakly.
     */
    private static final Logger FONTBOX = Logger.getLogger("org.apache.fontbox");

    private OfdBench() {
    }

    interface Step {
        Object run() throws Exception;
    }

    private record Result(String what, int runs, double p50, double p99) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        FONTBOX.setLevel(Level.SEVERE);
        SealMaterial material = SealMaterial.create(Instant.now());
        CertificateOfd ours = new CertificateOfd(material);
        BareOfd bare = new BareOfd(material.privateKey(), material.certificate(), material.sealImage());
        byte[] photo = BenchFace.photo();
        ECertificateFace face = BenchFace.of(photo);
        ECertificateFace noPhoto = BenchFace.of(null);

        byte[] oursPhoto = ours.render(face).ofd();
        byte[] oursNoPhoto = ours.render(noPhoto).ofd();
        byte[] barePhoto = bare.render(face, BareOfd.Embedding.SUBSET);
        byte[] bareNoPhoto = bare.render(noPhoto, BareOfd.Embedding.SUBSET);
        byte[] bareAllTables = bare.render(face, BareOfd.Embedding.SUBSET_ALL_TABLES);
        byte[] bareFull = bare.render(face, BareOfd.Embedding.FULL_FONT);
        System.out.printf("%nE-certificate (OFD): photo JPEG %d bytes, %d characters shown%n", photo.length, BareOfd.shown(face).length());
        boolean allValid = true;
        for (Object[] output : new Object[][] {{"ours, photo", oursPhoto}, {"ours, no photo", oursNoPhoto}, {"bare, photo", barePhoto},
                {"bare, no photo", bareNoPhoto}, {"bare, fontbox's default subset", bareAllTables}, {"bare, whole font", bareFull}}) {
            boolean valid = SealVerification.isValid((byte[]) output[1]);
            allValid &= valid;
            System.out.printf("seal verifies (SealVerification.isValid), %-32s %s%n", output[0] + ":", valid);
        }
        if (!allValid) {
            System.out.println("an output's seal does not verify: the comparison would be unfair, no timings");
            System.exit(1);
        }

        System.out.printf("%nwarm in-process latency after a warm-up of half the runs (ms)%n");
        System.out.printf("%-56s %6s %8s %8s%n", "step", "runs", "p50", "p99");
        Result oursTime = measure("render + seal, photo (ours)", n, () -> ours.render(face));
        Result oursNoPhotoTime = measure("render + seal, no photo (ours)", n, () -> ours.render(noPhoto));
        Result bareTime = measure("render + seal, photo (bare ofdrw + fontbox subset)", n, () -> bare.render(face, BareOfd.Embedding.SUBSET));
        Result bareNoPhotoTime = measure("render + seal, no photo (bare)", n, () -> bare.render(noPhoto, BareOfd.Embedding.SUBSET));
        int few = Math.max(10, n / 15);
        Result bareFullTime = measure("render + seal, photo, whole font (bare, no subset)", few, () -> bare.render(face, BareOfd.Embedding.FULL_FONT));
        steps(n, bare, face);
        measure("verify the seal (SealVerification.isValid)", n, () -> SealVerification.isValid(oursPhoto));
        System.out.printf("overhead against the same page by bare ofdrw (p50): with photo %.2fx, without %.2fx (target ≤ 1.3x); "
                        + "ours with photo %.1f ms against the target of 80 ms for issue + seal%n",
                oursTime.p50() / bareTime.p50(), oursNoPhotoTime.p50() / bareNoPhotoTime.p50(), oursTime.p50());

        int threads = 2;
        double oursRate = throughput(threads, n, () -> ours.render(face));
        double bareRate = throughput(threads, n, () -> bare.render(face, BareOfd.Embedding.SUBSET));
        System.out.printf("certificates per second in %d threads (%d cores available), %d each: ours %.1f, bare %.1f (ours/bare %.2fx)%n",
                threads, Runtime.getRuntime().availableProcessors(), n, oursRate, bareRate, oursRate / bareRate);
        System.out.printf("sizes (target ≤ 150 KB): ours %.1f KB with photo, %.1f KB without; bare %.1f KB with photo, %.1f KB without; "
                        + "bare with fontbox's default subset (GSUB, GPOS, vmtx whole) %.1f KB; bare with the whole font %.1f KB%n",
                kb(oursPhoto), kb(oursNoPhoto), kb(barePhoto), kb(bareNoPhoto), kb(bareAllTables), kb(bareFull));
    }

    /**
     * The bare certificate's steps timed one by one, each on the inputs the previous one made, so
     * that their sum is close to the whole: ours makes the same calls in the same order.
     */
    private static void steps(int n, BareOfd bare, ECertificateFace face) throws Exception {
        Path dir = Files.createTempDirectory("bare-ofd-steps-");
        try {
            String shown = BareOfd.shown(face);
            Path fontFile = Files.write(dir.resolve("font.ttf"), BareOfd.subset(shown, BareOfd.TABLES));
            Path qrFile = Files.write(dir.resolve("qr.png"), BareOfd.qr(face.verificationUrl()));
            Path photoFile = Files.write(dir.resolve("photo.jpg"), face.photo());
            Font font = new Font("NotoSansSC-Regular", "Noto Sans SC", fontFile);
            Path unsigned = BareOfd.page(face, font, qrFile, photoFile, dir.resolve("unsigned.ofd"));
            byte[] unsignedBytes = Files.readAllBytes(unsigned);
            measure("  step: font subset (fontbox TTFSubsetter)", n, () -> BareOfd.subset(shown, BareOfd.TABLES));
            measure("  step: QR code PNG (zxing + ImageIO)", n, () -> BareOfd.qr(face.verificationUrl()));
            measure("  step: layout + write the package (ofdrw-layout)", n, () -> {
                Path out = dir.resolve("page.ofd");
                Files.deleteIfExists(out);
                return BareOfd.page(face, font, qrFile, photoFile, out);
            });
            measure("  step: seal the whole package, files (ofdrw-sign)", n, () -> {
                Files.deleteIfExists(dir.resolve("signed.ofd"));
                return bare.seal(unsigned, dir);
            });
            measure("  step: seal the whole package, in memory (ofdrw-sign)", n, () -> bare.sealInMemory(unsignedBytes));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Result measure(String what, int n, Step step) throws Exception {
        for (int i = 0; i < n / 2; i++) {
            step.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Result result = new Result(what, n, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1]);
        System.out.printf("%-56s %6d %8.2f %8.2f%n", result.what(), result.runs(), result.p50(), result.p99());
        return result;
    }

    /** Certificates per second of {@code threads} threads sharing one renderer, after a warm-up of a tenth in the same threads. */
    private static double throughput(int threads, int documents, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(pool, threads, Math.max(threads, documents / 10), step);
            long t = System.nanoTime();
            run(pool, threads, documents, step);
            return documents / ((System.nanoTime() - t) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static void run(ExecutorService pool, int threads, int documents, Step step) throws Exception {
        AtomicInteger left = new AtomicInteger(documents);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    step.run();
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
    }

    private static double kb(byte[] bytes) {
        return bytes.length / 1024.0;
    }
}
