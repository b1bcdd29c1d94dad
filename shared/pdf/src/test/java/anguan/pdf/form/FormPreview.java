package anguan.pdf.form;

import anguan.domain.application.ApplicationType;
import anguan.domain.application.FormRenderer.RenderedForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Not a test: writes the six sample forms to a folder (default {@code target/forms}) to look at
 * them ({@code pdftoppm -png -r 60}), and prints the warm time to render one and its size. Run it
 * from the IDE or with {@code java -cp ...}; the numbers are a bench note, not asserted anywhere.
 */
public final class FormPreview {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/forms");
        Files.createDirectories(dir);
        ApplicationForm form = new ApplicationForm();
        byte[] photo = SampleApplications.photo();
        Instant at = Instant.parse("2024-06-14T02:38:18Z");
        for (ApplicationType type : ApplicationType.values()) {
            RenderedForm rendered = form.render(SampleApplications.of(type), photo, at);
            Files.write(dir.resolve(type.name() + ".pdf"), rendered.pdf());
            System.out.printf("%-16s %-32s %,8d bytes%n", type, rendered.fileName(), rendered.pdf().length);
        }
        var application = SampleApplications.of(ApplicationType.RENEWAL);
        for (int i = 0; i < 200; i++) {
            form.render(application, photo, at);
        }
        int runs = 300;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            form.render(application, photo, at);
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("warm render (RENEWAL, %d runs): p50 %.2f ms, p99 %.2f ms%n", runs,
                nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6);
    }
}
