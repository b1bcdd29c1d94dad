package anguan.bench.ofd;

import anguan.domain.certificate.ECertificateFace;
import anguan.ofd.CertificateOfd;
import anguan.ofd.SealMaterial;
import anguan.ofd.SealVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.ofdrw.font.Font;

/**
 * The e-certificate's numbers (issue 7), in one run and a JVM of its own (anguan-ofd's BouncyCastle
 * jdk15on must not meet anguan-pdf's jdk18on): warm p50/p99 of {@link CertificateOfd#render} against
 * {@link BareOfd} making the same sealed page with ofdrw alone (our overhead as a ratio, target ≤
 * 1.3×), the bare steps timed apart (font subset, QR code, layout, seal: where a certificate's
 * time goes, ours makes the same calls), certificates per second in two threads, and the sizes
 * (target ≤ 150 KB). Every output is first checked with ofdrw's verifier: a comparison with a
 * baseline whose seal does not verify would be unfair, so the run stops if one fails.
 *
 * <p>Ours and the bare calls it is compared with run interleaved, one of each in turn: the machine
 * is shared, and a build starting during one of two back-to-back series would skew the ratio.
 */
public final class OfdBench {

    /**
     * fontbox warns on every parse of Noto's cmap format 14 (variation sequences, unused here); held
     * here because java.util.logging keeps its loggers weakly.
     */
    private static final Logger FONTBOX = Logger.getLogger("org.apache.fontbox");

    private static final int THREADS = 2;

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
        byte[] unsigned = bare.unsigned(face);
        byte[] bareInMemory = bare.sealInMemory(unsigned, bare.ofdrwContainer());
        System.out.printf("%nE-certificate (OFD): photo JPEG %.1f KB, %d characters shown, %d cores; class path: %s, anguan-pdf %s%n",
                kb(photo), BareOfd.shown(face).length(), Runtime.getRuntime().availableProcessors(), new BouncyCastleProvider().getInfo(),
                present("anguan.pdf.form.ApplicationForm") ? "PRESENT (must not be)" : "absent");
        boolean allValid = true;
        for (Object[] output : new Object[][] {{"ours, photo", oursPhoto}, {"ours, no photo", oursNoPhoto}, {"bare, photo", barePhoto},
                {"bare, no photo", bareNoPhoto}, {"bare, fontbox's default subset", bareAllTables}, {"bare, whole font", bareFull},
                {"bare, sealed in memory", bareInMemory}}) {
            boolean valid = SealVerification.isValid((byte[]) output[1]);
            allValid &= valid;
            System.out.printf("seal verifies (SealVerification.isValid), %-32s %s%n", output[0] + ":", valid);
        }
        if (!allValid) {
            System.out.println("an output's seal does not verify: the comparison would be unfair, no timings");
            System.exit(1);
        }

        System.out.printf("%nwarm in-process latency after a warm-up of half the runs (ms)%n");
        System.out.printf("%-60s %6s %8s %8s%n", "step", "runs", "p50", "p99");
        Result[] withPhoto = interleaved(n, "render + seal, photo (ours)", () -> ours.render(face),
                "render + seal, photo (bare ofdrw + fontbox subset)", () -> bare.render(face, BareOfd.Embedding.SUBSET));
        Result[] withoutPhoto = interleaved(n, "render + seal, no photo (ours)", () -> ours.render(noPhoto),
                "render + seal, no photo (bare)", () -> bare.render(noPhoto, BareOfd.Embedding.SUBSET));
        measure("render + seal, photo, whole font (bare, no subset)", Math.max(10, n / 15), () -> bare.render(face, BareOfd.Embedding.FULL_FONT));
        steps(n, bare, face);
        // ours signs with one BouncyCastle provider per container (anguan.ofd.AuthoritySignature); ofdrw's makes one per signature
        measure("  step: seal, in memory, ofdrw's SESV4Container", n, () -> bare.sealInMemory(unsigned, bare.ofdrwContainer()));
        measure("verify the seal (SealVerification.isValid)", n, () -> SealVerification.isValid(oursPhoto));
        System.out.printf("overhead against the same page by bare ofdrw (p50): with photo %.2fx, without %.2fx (target ≤ 1.3x); "
                        + "ours with photo %.1f ms (target: OFD issue + seal ≤ 80 ms)%n",
                withPhoto[0].p50() / withPhoto[1].p50(), withoutPhoto[0].p50() / withoutPhoto[1].p50(), withPhoto[0].p50());

        double[] rates = throughput(n, () -> ours.render(face), () -> bare.render(face, BareOfd.Embedding.SUBSET));
        double oursRate = rates[0];
        double bareRate = rates[1];
        System.out.printf("certificates per second in %d threads, %d each (in turn, four rounds): ours %.1f, bare %.1f (ours/bare %.2fx)%n",
                THREADS, n, oursRate, bareRate, oursRate / bareRate);
        System.out.printf("sizes (target ≤ 150 KB): ours %.1f KB with photo, %.1f KB without; bare %.1f KB with photo, %.1f KB without; "
                        + "bare with fontbox's default subset (GSUB, GPOS, vmtx whole) %.1f KB; bare with the whole font %.1f KB%n",
                kb(oursPhoto), kb(oursNoPhoto), kb(barePhoto), kb(bareNoPhoto), kb(bareAllTables), kb(bareFull));
    }

    /**
     * The bare certificate's steps timed one by one on the inputs the step before made, so that
     * their sum is close to the whole: ours makes the same calls in the same order.
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
        } finally {
            BareOfd.delete(dir);
        }
    }

    private static Result measure(String what, int n, Step step) throws Exception {
        for (int i = 0; i < n / 2; i++) {
            step.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            ms[i] = timed(step);
        }
        return result(what, ms);
    }

    /** Two steps in turn, {@code a} then {@code b}, each run timed: both see the same load. */
    private static Result[] interleaved(int n, String whatA, Step a, String whatB, Step b) throws Exception {
        for (int i = 0; i < n / 2; i++) {
            a.run();
            b.run();
        }
        double[] msA = new double[n];
        double[] msB = new double[n];
        for (int i = 0; i < n; i++) {
            msA[i] = timed(a);
            msB[i] = timed(b);
        }
        return new Result[] {result(whatA, msA), result(whatB, msB)};
    }

    private static double timed(Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static Result result(String what, double[] ms) {
        Arrays.sort(ms);
        int n = ms.length;
        Result result = new Result(what, n, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1]);
        System.out.printf("%-60s %6d %8.2f %8.2f%n", result.what(), result.runs(), result.p50(), result.p99());
        return result;
    }

    /**
     * Certificates per second of two threads sharing one renderer, each taking the next certificate
     * until all are made, for {@code a} and {@code b} in turn in four rounds of a quarter each (so
     * that both see the same load), after a warm-up of a tenth in the same threads (each thread
     * parses its own font).
     */
    private static double[] throughput(int documents, Step a, Step b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            certificates(pool, Math.max(THREADS, documents / 10), a);
            certificates(pool, Math.max(THREADS, documents / 10), b);
            int rounds = 4;
            int each = Math.max(THREADS, documents / rounds);
            long nanosA = 0;
            long nanosB = 0;
            for (int round = 0; round < rounds; round++) {
                long t = System.nanoTime();
                certificates(pool, each, a);
                nanosA += System.nanoTime() - t;
                t = System.nanoTime();
                certificates(pool, each, b);
                nanosB += System.nanoTime() - t;
            }
            return new double[] {rounds * each / (nanosA / 1e9), rounds * each / (nanosB / 1e9)};
        } finally {
            pool.shutdown();
        }
    }

    private static void certificates(ExecutorService pool, int documents, Step step) throws Exception {
        AtomicInteger left = new AtomicInteger(documents);
        Callable<Object> worker = () -> {
            while (left.getAndDecrement() > 0) {
                step.run();
            }
            return null;
        };
        for (Future<Object> done : pool.invokeAll(Collections.nCopies(THREADS, worker))) {
            done.get();
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, OfdBench.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static double kb(byte[] bytes) {
        return bytes.length / 1024.0;
    }
}
