package anguan.pdf.signing;

import static anguan.pdf.signing.SigningFixture.CA;
import static anguan.pdf.signing.SigningFixture.ENTERPRISE;
import static anguan.pdf.signing.SigningFixture.FORM;
import static anguan.pdf.signing.SigningFixture.KEK;
import static anguan.pdf.signing.SigningFixture.NOW;
import static anguan.pdf.signing.SigningFixture.PASSWORD;
import static anguan.pdf.signing.SigningFixture.PEPPER;
import static anguan.pdf.signing.SigningFixture.PERSON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.enterprise.SigningPassword;
import anguan.domain.signing.FormSigner.EnterpriseSignatory;
import anguan.domain.signing.FormSigner.PersonSignatory;
import anguan.domain.signing.StoredCredential;
import anguan.pdf.ca.HolderPseudonym;
import anguan.pdf.ca.KeySealBrokenException;
import anguan.pdf.ca.PasswordSeal;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.form.FormLayout;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;

class PlatformFormSignerTest {
    static final String OTHER_ID_NO = "110105194912310021";

    private final InMemoryCredentials credentials = new InMemoryCredentials();
    private final PlatformFormSigner signer = SigningFixture.signer(credentials);
    private final SignatureVerifier verifier = new SignatureVerifier(CA);

    @Test
    void thePersonsSignatureIsRecognisedAsTheirsAndNobodyElses() {
        byte[] signed = signer.signAsPerson(FORM, PERSON, NOW);

        assertTrue(signer.hasValidPersonSignature(signed, PERSON.idNo()));
        assertTrue(signer.hasValidPersonSignature(signed, PERSON.idNo().toLowerCase()), "the X of an ID number is either case");
        assertFalse(signer.hasValidPersonSignature(signed, OTHER_ID_NO));
        assertFalse(signer.hasValidPersonSignature(FORM, PERSON.idNo()), "an unsigned form");
    }

    @Test
    void anUnreadableOrAlteredPdfIsNoValidSignatureAndNeverAnException() {
        byte[] signed = signer.signAsPerson(FORM, PERSON, NOW);
        byte[] altered = signed.clone();
        altered[20] ^= 1;

        assertFalse(signer.hasValidPersonSignature(altered, PERSON.idNo()));
        assertFalse(signer.hasValidPersonSignature("not a pdf".getBytes(StandardCharsets.US_ASCII), PERSON.idNo()));
        assertFalse(signer.hasValidPersonSignature(Arrays.copyOf(signed, signed.length / 2), PERSON.idNo()));
        assertFalse(signer.hasValidPersonSignature(new byte[0], PERSON.idNo()));
        assertFalse(signer.hasValidPersonSignature(null, PERSON.idNo()));
    }

    @Test
    void aFirstSignatureFromAnotherCaOrByTheEnterpriseIsNotThePersons() {
        PlatformFormSigner foreign = new PlatformFormSigner(PlatformCa.create("另一个CA", NOW.minus(Duration.ofDays(1))), KEK, PEPPER,
                new InMemoryCredentials());
        assertFalse(signer.hasValidPersonSignature(foreign.signAsPerson(FORM, PERSON, NOW), PERSON.idNo()));

        byte[] enterpriseFirst = signer.signAsEnterprise(FORM, ENTERPRISE, PASSWORD, NOW).orElseThrow();
        byte[] personSecond = signer.signAsPerson(enterpriseFirst, PERSON, NOW);
        assertFalse(signer.hasValidPersonSignature(personSecond, PERSON.idNo()), "only the first signature counts");
    }

    @Test
    void aPersonsKeyIsIssuedOnceStoredUnderThePseudonymAndSealedWithTheKek() throws Exception {
        byte[] first = signer.signAsPerson(FORM, PERSON, NOW);
        byte[] second = signer.signAsPerson(FORM, PERSON, NOW.plusSeconds(3600));

        String owner = "PERSON#" + HolderPseudonym.of(PERSON.idNo(), PEPPER);
        assertEquals(Set.of(owner), credentials.items().keySet());
        assertEquals(1, credentials.inserts());
        assertEquals(signerSerial(first), signerSerial(second));
        StoredCredential stored = credentials.items().get(owner).value();
        assertFalse(stored.owner().contains(PERSON.idNo()));
        assertEquals(signerSerial(first), PlatformCa.certificate(stored.certificate()).getSerialNumber());
        KEK.unseal(stored.sealedKey(), owner);
        assertThrows(KeySealBrokenException.class, () -> KEK.unseal(stored.sealedKey(), "PERSON#someone-else"));
    }

    @Test
    void thePersonsMarkIsTheirSignatureImageAtTheApplicantsPlaceOrElseTheirName() throws Exception {
        byte[] image = TestPdfs.signaturePng();
        byte[] withImage = signer.signAsPerson(FORM, new PersonSignatory(PERSON.idNo(), PERSON.name(), image), NOW);
        byte[] withName = signer.signAsPerson(FORM, PERSON, NOW);
        byte[] withGarbageImage = signer.signAsPerson(FORM, new PersonSignatory(PERSON.idNo(), PERSON.name(), new byte[] {1, 2, 3}), NOW);

        assertEquals(FormLayout.applicantSignatureBox().toString(), widgetRectangle(withImage).toString());
        assertTrue(appearanceHasImage(withImage));
        assertFalse(appearanceHasImage(withName));
        assertFalse(appearanceHasImage(withGarbageImage), "an image that is no PNG falls back to the name");
        assertTrue(signer.hasValidPersonSignature(withGarbageImage, PERSON.idNo()));
    }

    @Test
    void theEnterpriseSignsByPasswordAsAnIncrementalUpdateThatKeepsThePersonsSignatureValid() throws Exception {
        byte[] personSigned = signer.signAsPerson(FORM, PERSON, NOW);

        byte[] both = signer.signAsEnterprise(personSigned, ENTERPRISE, PASSWORD, NOW.plusSeconds(60)).orElseThrow();

        VerifiedSignature enterprise = PadesSignerTest.assertSignedTwice(verifier, personSigned, both).get(1);
        assertTrue(enterprise.signerSubject().contains("NTRCN-" + ENTERPRISE.uscc()), enterprise.signerSubject());
        assertTrue(signer.hasValidPersonSignature(both, PERSON.idNo()));
        try (PDDocument document = Loader.loadPDF(both)) {
            PDRectangle seal = document.getSignatureFields().get(1).getWidgets().getFirst().getRectangle();
            assertEquals(FormLayout.enterpriseSealBox().toString(), seal.toString());
        }
    }

    @Test
    void aWrongPasswordSignsNothingWhetherOrNotTheEnterpriseHasAKeyYet() {
        byte[] personSigned = signer.signAsPerson(FORM, PERSON, NOW);

        assertTrue(signer.signAsEnterprise(personSigned, ENTERPRISE, "wrong-password", NOW).isEmpty());
        assertFalse(credentials.items().containsKey("ENTERPRISE#" + ENTERPRISE.uscc()), "a wrong password issues no key");

        signer.signAsEnterprise(personSigned, ENTERPRISE, PASSWORD, NOW).orElseThrow();
        assertTrue(signer.signAsEnterprise(personSigned, ENTERPRISE, "wrong-password", NOW).isEmpty());
        assertTrue(signer.signAsEnterprise(personSigned, ENTERPRISE, "", NOW).isEmpty());
        assertTrue(signer.signAsEnterprise(personSigned, ENTERPRISE, null, NOW).isEmpty());
    }

    @Test
    void aChangedRegistryPasswordRetiresTheKeyAndTheOldPassword() throws Exception {
        byte[] personSigned = signer.signAsPerson(FORM, PERSON, NOW);
        byte[] before = signer.signAsEnterprise(personSigned, ENTERPRISE, PASSWORD, NOW).orElseThrow();
        String newPassword = "新的签章密码9";
        var changed = new EnterpriseSignatory(ENTERPRISE.uscc(), ENTERPRISE.name(), SigningPassword.hash(newPassword));

        assertTrue(signer.signAsEnterprise(personSigned, changed, PASSWORD, NOW).isEmpty(), "the old password no longer signs");
        byte[] after = signer.signAsEnterprise(personSigned, changed, newPassword, NOW).orElseThrow();

        assertNotEquals(signerSerial(before, 1), signerSerial(after, 1), "a new key under the new password");
        var stored = credentials.items().get("ENTERPRISE#" + ENTERPRISE.uscc());
        assertEquals(changed.signingPasswordHash(), stored.value().sealedFor());
        assertEquals(2, stored.version(), "replaced over the version read");
        assertTrue(signer.signAsEnterprise(personSigned, changed, PASSWORD, NOW).isEmpty());
        assertEquals(signerSerial(after, 1), signerSerial(signer.signAsEnterprise(personSigned, changed, newPassword, NOW).orElseThrow(), 1));
    }

    @Test
    void aRenamedEnterpriseGetsACertificateInItsNewNameWithItsPassword() throws Exception {
        byte[] personSigned = signer.signAsPerson(FORM, PERSON, NOW);
        byte[] before = signer.signAsEnterprise(personSigned, ENTERPRISE, PASSWORD, NOW).orElseThrow();
        var renamed = new EnterpriseSignatory(ENTERPRISE.uscc(), "上海申城建设集团有限公司", ENTERPRISE.signingPasswordHash());

        assertTrue(signer.signAsEnterprise(personSigned, renamed, "wrong-password", NOW).isEmpty());
        byte[] after = signer.signAsEnterprise(personSigned, renamed, PASSWORD, NOW).orElseThrow();

        assertNotEquals(signerSerial(before, 1), signerSerial(after, 1));
        assertTrue(verifier.verify(after).get(1).signerSubject().contains("CN=上海申城建设集团有限公司"));
    }

    @Test
    void theEnterpriseKeyIsWrappedWithTheKekSoTheTableAloneCannotBeTriedAgainstPasswords() {
        signer.signAsEnterprise(signer.signAsPerson(FORM, PERSON, NOW), ENTERPRISE, PASSWORD, NOW).orElseThrow();
        String owner = "ENTERPRISE#" + ENTERPRISE.uscc();
        byte[] sealed = credentials.items().get(owner).value().sealedKey();

        assertThrows(KeySealBrokenException.class, () -> PasswordSeal.unseal(sealed, PASSWORD.toCharArray()));
        assertThrows(KeySealBrokenException.class, () -> KEK.unsealSecret(sealed, "ENTERPRISE#91310000MA1FL0T30D"));
    }

    @Test
    void anExpiredPersonalCertificateIsReplacedAtTheNextSignature() throws Exception {
        byte[] first = signer.signAsPerson(FORM, PERSON, NOW);
        byte[] later = signer.signAsPerson(FORM, PERSON, NOW.plus(PlatformCa.HOLDER_VALIDITY).plus(Duration.ofDays(1)));

        assertNotEquals(signerSerial(first), signerSerial(later));
        assertEquals(1, credentials.updates());
    }

    @Test
    void aFirstSignatureThatLosesTheRaceSignsWithTheWinnersKey() throws Exception {
        PlatformFormSigner rival = SigningFixture.signer(credentials);
        byte[][] rivals = new byte[1][];
        credentials.beforeNextInsert(() -> rivals[0] = rival.signAsPerson(FORM, PERSON, NOW));

        byte[] loser = signer.signAsPerson(FORM, PERSON, NOW);

        assertEquals(1, credentials.items().size());
        assertEquals(signerSerial(rivals[0]), signerSerial(loser));
        assertTrue(signer.hasValidPersonSignature(loser, PERSON.idNo()));
    }

    @Test
    void anEnterprisesFirstSignatureThatLosesTheRaceSignsWithTheWinnersKey() throws Exception {
        byte[] personSigned = signer.signAsPerson(FORM, PERSON, NOW);
        PlatformFormSigner rival = SigningFixture.signer(credentials);
        byte[][] rivals = new byte[1][];
        credentials.beforeNextInsert(() -> rivals[0] = rival.signAsEnterprise(personSigned, ENTERPRISE, PASSWORD, NOW).orElseThrow());

        byte[] loser = signer.signAsEnterprise(personSigned, ENTERPRISE, PASSWORD, NOW).orElseThrow();

        assertEquals(signerSerial(rivals[0], 1), signerSerial(loser, 1));
        assertEquals(2, credentials.items().size());
    }

    @Test
    void concurrentFirstSignaturesOfOnePersonShareOneCredential() throws Exception {
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                PlatformFormSigner container = SigningFixture.signer(credentials);
                results.add(pool.submit(() -> {
                    start.await();
                    return container.signAsPerson(FORM, PERSON, NOW);
                }));
            }
            start.countDown();
            Set<BigInteger> serials = new HashSet<>();
            for (Future<byte[]> result : results) {
                byte[] signed = result.get();
                assertTrue(signer.hasValidPersonSignature(signed, PERSON.idNo()));
                serials.add(signerSerial(signed));
            }
            assertEquals(1, serials.size(), "one key in use");
            assertEquals(1, credentials.inserts());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noSecretInTheSignersOrTheCredentialsText() {
        signer.signAsEnterprise(signer.signAsPerson(FORM, PERSON, NOW), ENTERPRISE, PASSWORD, NOW).orElseThrow();
        String text = signer + " " + credentials.items();
        assertFalse(text.contains(PASSWORD));
        assertFalse(text.contains(PERSON.idNo()));
    }

    static BigInteger signerSerial(byte[] pdf) throws Exception {
        return signerSerial(pdf, 0);
    }

    /** The serial of the certificate that made the {@code index}th signature, in the order they were made. */
    static BigInteger signerSerial(byte[] pdf, int index) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = new ArrayList<>(document.getSignatureDictionaries());
            signatures.sort((a, b) -> Integer.compare(a.getByteRange()[2], b.getByteRange()[2]));
            var signedData = Cms.parse(signatures.get(index).getContents());
            return Cms.signerCertificate(signedData, signedData.getSignerInfos().iterator().next()).getSerialNumber();
        }
    }

    private static PDRectangle widgetRectangle(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getSignatureFields().getFirst().getWidgets().getFirst().getRectangle();
        }
    }

    private static boolean appearanceHasImage(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var appearance = document.getSignatureFields().getFirst().getWidgets().getFirst()
                    .getAppearance().getNormalAppearance().getAppearanceStream();
            return appearance.getResources().getXObjectNames().iterator().hasNext();
        }
    }
}
