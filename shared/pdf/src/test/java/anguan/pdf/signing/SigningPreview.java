package anguan.pdf.signing;

import static anguan.pdf.signing.SigningFixture.ENTERPRISE;
import static anguan.pdf.signing.SigningFixture.FORM;
import static anguan.pdf.signing.SigningFixture.NOW;
import static anguan.pdf.signing.SigningFixture.PASSWORD;
import static anguan.pdf.signing.SigningFixture.PERSON;

import anguan.domain.application.ApplicationType;
import anguan.domain.signing.FormSigner;
import anguan.domain.signing.SigningSession;
import anguan.pdf.ca.Credential;
import anguan.pdf.form.SampleApplications;
import anguan.pdf.notice.AcceptanceNotice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Not a test: writes a two-signature 申请表, a token-signed one and an acceptance notice to a folder
 * (default {@code target/signing}) to look at them ({@code pdftoppm -png -r 80}), and prints the
 * warm time of each signature and of the notice. The numbers are a bench note, not asserted anywhere.
 */
public final class SigningPreview {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/signing");
        Files.createDirectories(dir);
        InMemoryCredentials credentials = new InMemoryCredentials();
        PlatformFormSigner signer = SigningFixture.signer(credentials);
        byte[] person = signer.signAsPerson(FORM, PERSON, NOW);
        byte[] personWithImage = signer.signAsPerson(FORM, new FormSigner.PersonSignatory(PERSON.idNo(), PERSON.name(),
                TestPdfs.signaturePng()), NOW);
        byte[] both = signer.signAsEnterprise(person, ENTERPRISE, PASSWORD, NOW.plusSeconds(60)).orElseThrow();
        Files.write(dir.resolve("form.pdf"), FORM);
        Files.write(dir.resolve("person.pdf"), person);
        Files.write(dir.resolve("person-image.pdf"), personWithImage);
        Files.write(dir.resolve("both.pdf"), both);

        Credential token = SigningFixture.CA.issueHardwareToken(ENTERPRISE.name(), ENTERPRISE.uscc(), NOW);
        byte[] tokenDer = token.certificate().getEncoded();
        Supplier<byte[]> tokenSignature = () -> {
            try {
                FormSigner.TokenSigning prepared = signer.prepareForToken(person, ENTERPRISE, tokenDer, NOW);
                byte[] cms = new HardwareToken(token.privateKey(), token.certificate()).sign(prepared.digest());
                SigningSession session = new SigningSession("s", "W1", ENTERPRISE.uscc(), 1, "k", prepared.byteRange(),
                        prepared.digest(), tokenDer, NOW, NOW.plus(SigningSession.VALID_FOR));
                return signer.completeWithToken(prepared.preparedPdf(), session, cms, NOW);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Files.write(dir.resolve("token.pdf"), tokenSignature.get());

        Credential authority = SigningFixture.CA.issueEnterprise("上海市住房和城乡建设管理委员会", "11310000002421165W", NOW);
        AcceptanceNotice notices = new AcceptanceNotice(authority, SigningFixture.CA);
        var application = SampleApplications.of(ApplicationType.FIRST_ISSUE);
        var notice = notices.render(application, NOW);
        Files.write(dir.resolve(notice.fileName()), notice.pdf());

        time("signAsPerson", () -> signer.signAsPerson(FORM, PERSON, NOW));
        time("signAsEnterprise (password)", () -> signer.signAsEnterprise(person, ENTERPRISE, PASSWORD, NOW).orElseThrow());
        time("prepare + complete (token)", tokenSignature);
        time("notice render + sign", () -> notices.render(application, NOW).pdf());
        time("hasValidPersonSignature", () -> signer.hasValidPersonSignature(both, PERSON.idNo()) ? new byte[0] : null);
    }

    private static void time(String what, Supplier<?> run) {
        for (int i = 0; i < 50; i++) {
            run.get();
        }
        int runs = 100;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            if (run.get() == null) {
                throw new IllegalStateException(what + " failed");
            }
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-30s p50 %6.2f ms  p90 %6.2f ms%n", what, nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6);
    }
}
