package anguan.bench;

import anguan.domain.application.Applicant;
import anguan.domain.application.Application;
import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationStatus;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Position;
import anguan.domain.common.Versioned;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.person.ExamResult;
import anguan.domain.person.ExamType;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.signing.FormSigner;
import anguan.domain.signing.SigningCredentialRepository;
import anguan.domain.signing.SigningSession;
import anguan.domain.signing.StoredCredential;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.SigningMaterial;
import anguan.pdf.form.ApplicationForm;
import anguan.pdf.notice.AcceptanceNotice;
import anguan.pdf.signing.PlatformFormSigner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The documents' numbers of issue 6, in one run: warm p50/p99 of rendering the 申请表, the person's
 * signature, the enterprise's (by password and by token), the 受理通知书, each against the bare
 * PDFBox + BouncyCastle calls making the same signature in the same run (our overhead as a ratio),
 * and documents per second on every core. In-process, no emulators: what the functions add on top
 * (one S3 get and put, one DynamoDB write) is in {@link Bench}'s route numbers.
 */
public final class SigningBench {
    private static final String ID_NO = "11010519491231002X";
    private static final String USCC = "91350100M000100Y43";
    private static final String PASSWORD = "Pw-123456";

    private SigningBench() {
    }

    interface Step {
        Object run() throws Exception;
    }

    private record Result(String what, double p50, double p99) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        run(n);
    }

    static void run(int n) throws Exception {
        Instant now = Instant.now();
        SigningMaterial material = SigningMaterial.create(now).material();
        PlatformFormSigner signer = new PlatformFormSigner(material.ca(), material.kek(), material.pepper(), new MemoryCredentials());
        ApplicationForm forms = new ApplicationForm();
        AcceptanceNotice notices = new AcceptanceNotice(material.authority(), material.ca());
        Application application = sample(now);
        FormSigner.PersonSignatory person = new FormSigner.PersonSignatory(ID_NO, "欧阳晓燕", null);
        FormSigner.EnterpriseSignatory enterprise = new FormSigner.EnterpriseSignatory(USCC, "上海申城建设工程有限公司",
                SigningPassword.hash(PASSWORD));
        Credential bareMan = material.ca().issuePerson("欧阳晓燕", material.pseudonymOf(ID_NO), now);
        Credential bareFirm = material.ca().issueEnterprise("上海申城建设工程有限公司", USCC, now);
        Credential token = material.ca().issueHardwareToken("上海申城建设工程有限公司", USCC, now);

        byte[] form = forms.render(application, null, now).pdf();
        byte[] personal = signer.signAsPerson(form, person, now);
        signer.signAsEnterprise(personal, enterprise, PASSWORD, now).orElseThrow(); // issues and seals the enterprise key once

        List<Result> results = new ArrayList<>();
        Result render = measure("render 申请表", n, () -> forms.render(application, null, Instant.now()));
        Result ourPerson = measure("person signs (ours)", n, () -> signer.signAsPerson(form, person, Instant.now()));
        Result barePerson = measure("person signs, invisible (bare PDFBox+BC)", n, () -> BareSigning.sign(form, bareMan.privateKey(), bareMan.certificate()));
        Result barePersonVisible = measure("person signs, name visible (bare PDFBox+BC)", n,
                () -> BareSigning.signVisible(form, bareMan.privateKey(), bareMan.certificate(), "欧阳晓燕"));
        Result ourFirm = measure("enterprise signs by password (ours)", n,
                () -> signer.signAsEnterprise(personal, enterprise, PASSWORD, Instant.now()).orElseThrow());
        Result bareFirm2 = measure("enterprise signs, invisible (bare PDFBox+BC)", n,
                () -> BareSigning.sign(personal, bareFirm.privateKey(), bareFirm.certificate()));
        Result bareFirmVisible = measure("enterprise signs, name visible (bare PDFBox+BC)", n,
                () -> BareSigning.signVisible(personal, bareFirm.privateKey(), bareFirm.certificate(), "上海申城建设工程有限公司"));
        // the same work as ours by password: the key opened from a password-protected PKCS#12 first (the JDK's defaults)
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("firm", bareFirm.privateKey(), PASSWORD.toCharArray(), new java.security.cert.Certificate[] {bareFirm.certificate()});
        java.io.ByteArrayOutputStream p12 = new java.io.ByteArrayOutputStream();
        store.store(p12, PASSWORD.toCharArray());
        byte[] keystore = p12.toByteArray();
        Result bareFirmPassword = measure("enterprise signs, key from PKCS#12, name visible (bare)", n, () -> {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(new java.io.ByteArrayInputStream(keystore), PASSWORD.toCharArray());
            java.security.PrivateKey key = (java.security.PrivateKey) ks.getKey("firm", PASSWORD.toCharArray());
            return BareSigning.signVisible(personal, key, bareFirm.certificate(), "上海申城建设工程有限公司");
        });
        Result ourToken = measure("enterprise signs by token, prepare+complete (ours)", n, () -> {
            FormSigner.TokenSigning prepared = signer.prepareForToken(personal, enterprise, token.certificate().getEncoded(), Instant.now());
            long[] r = prepared.byteRange();
            byte[] content = new byte[(int) (r[1] + r[3])];
            System.arraycopy(prepared.preparedPdf(), (int) r[0], content, 0, (int) r[1]);
            System.arraycopy(prepared.preparedPdf(), (int) r[2], content, (int) r[1], (int) r[3]);
            byte[] cms = BareSigning.cms(content, token.privateKey(), token.certificate());
            SigningSession session = new SigningSession("bench", application.applicationNo(), USCC, 1, "k", r, prepared.digest(),
                    token.certificate().getEncoded(), Instant.now(), Instant.now().plusSeconds(600));
            return signer.completeWithToken(prepared.preparedPdf(), session, cms, Instant.now());
        });
        Result check = measure("person's signature still verifies (ours)", n, () -> signer.hasValidPersonSignature(personal, ID_NO));
        Result notice = measure("受理通知书 render + authority seal (ours)", n,
                () -> notices.render(application.toBuilder().status(ApplicationStatus.UNDER_REVIEW).build(), Instant.now()));
        results.addAll(List.of(render, ourPerson, barePerson, barePersonVisible, ourFirm, bareFirmPassword, bareFirm2, bareFirmVisible, ourToken, check, notice));

        System.out.printf("%nDocuments: warm in-process latency, %d runs each after %d warm-up runs (ms)%n", n, n / 2);
        System.out.printf("%-52s %8s %8s%n", "step", "p50", "p99");
        for (Result r : results) {
            System.out.printf("%-52s %8.2f %8.2f%n", r.what(), r.p50(), r.p99());
        }
        // the same work: a visible signature with the signer's name; the password one with a key opened by a password first
        System.out.printf("overhead against the same work done by the bare calls (p50): person %.2fx, enterprise by password %.2fx, "
                        + "enterprise by token %.2fx (target ≤ 1.3x); against an invisible bare signature: person %.2fx, token %.2fx%n",
                ourPerson.p50() / barePersonVisible.p50(), ourFirm.p50() / bareFirmPassword.p50(), ourToken.p50() / bareFirmVisible.p50(),
                ourPerson.p50() / barePerson.p50(), ourToken.p50() / bareFirm2.p50());

        int cores = Runtime.getRuntime().availableProcessors();
        double ours = throughput(cores, 4 * n, () -> {
            byte[] f = forms.render(application, null, Instant.now()).pdf();
            byte[] p = signer.signAsPerson(f, person, Instant.now());
            return signer.signAsEnterprise(p, enterprise, PASSWORD, Instant.now()).orElseThrow();
        });
        double bare = throughput(cores, 4 * n, () -> {
            byte[] f = forms.render(application, null, Instant.now()).pdf();
            byte[] p = BareSigning.signVisible(f, bareMan.privateKey(), bareMan.certificate(), "欧阳晓燕");
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(new java.io.ByteArrayInputStream(keystore), PASSWORD.toCharArray());
            return BareSigning.signVisible(p, (java.security.PrivateKey) ks.getKey("firm", PASSWORD.toCharArray()), bareFirm.certificate(),
                    "上海申城建设工程有限公司");
        });
        System.out.printf("documents per second on %d cores (render + person + enterprise by password): ours %.1f, same render + bare visible signatures %.1f (ratio %.2fx)%n",
                cores, ours, bare, bare / ours);
        System.out.printf("sizes: form %d bytes, signed by both %d bytes, notice %d bytes%n", form.length,
                signer.signAsEnterprise(personal, enterprise, PASSWORD, now).orElseThrow().length,
                notices.render(application, now).pdf().length);
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
        return new Result(what, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1]);
    }

    private static double throughput(int threads, int documents, Step step) throws Exception {
        for (int i = 0; i < 20; i++) {
            step.run();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(documents);
        long t = System.nanoTime();
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
        pool.shutdown();
        return documents / ((System.nanoTime() - t) / 1e9);
    }

    private static Application sample(Instant now) {
        return Application.builder().applicationNo("W2026120100001").type(ApplicationType.FIRST_ISSUE).status(ApplicationStatus.DRAFT)
                .applicant(new Applicant("欧阳晓燕", Gender.F, LocalDate.of(1949, 12, 31), IdType.ID_CARD, ID_NO, "13812345678"))
                .enterprise(new ApplicationEnterprise(USCC, "上海申城建设工程有限公司", "021-64001234"))
                .category(Category.C3).position(Position.P08).consent(true)
                .exams(List.of(new ExamResult(ID_NO, ExamType.INITIAL, Category.C3, LocalDate.of(2026, 9, 1), true)))
                .createdAt(now).updatedAt(now).submittedAt(now).version(3).build();
    }

    /** The credentials in memory: the bench measures signing, not DynamoDB. */
    private static final class MemoryCredentials implements SigningCredentialRepository {
        private final ConcurrentHashMap<String, Versioned<StoredCredential>> items = new ConcurrentHashMap<>();

        @Override
        public Optional<Versioned<StoredCredential>> find(String owner) {
            return Optional.ofNullable(items.get(owner));
        }

        @Override
        public boolean insert(StoredCredential credential) {
            return items.putIfAbsent(credential.owner(), new Versioned<>(credential, 1)) == null;
        }

        @Override
        public boolean update(StoredCredential credential, long expectedVersion) {
            Versioned<StoredCredential> read = items.get(credential.owner());
            return read != null && read.version() == expectedVersion
                    && items.replace(credential.owner(), read, new Versioned<>(credential, expectedVersion + 1));
        }
    }
}
