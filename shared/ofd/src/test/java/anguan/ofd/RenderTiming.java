package anguan.ofd;

import anguan.domain.certificate.ECertificateFace;
import java.time.Instant;
import java.util.Arrays;

/**
 * A throwaway measurement, not a test: warm render + seal time of one certificate (p50, p90) and
 * its size. Run: {@code java -cp <test class path> anguan.ofd.RenderTiming [runs]}.
 */
public final class RenderTiming {

    private RenderTiming() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        CertificateOfd renderer = new CertificateOfd(SealMaterial.create(Instant.now()));
        ECertificateFace face = SampleFaces.withPhoto();
        int size = 0;
        for (int i = 0; i < 30; i++) {
            size = renderer.render(face).ofd().length;
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            renderer.render(face);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("size %d bytes; render+seal p50 %.1f ms, p90 %.1f ms over %d warm runs%n",
                size, nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6, runs);
        System.out.println("texts: " + new OfdPackage(renderer.render(face).ofd()).texts());
        System.out.println("files: " + new OfdPackage(renderer.render(face).ofd()).files.keySet());
    }
}
