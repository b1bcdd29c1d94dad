package anguan.pdf.signing;

import static anguan.pdf.signing.SigningFixture.ENTERPRISE;
import static anguan.pdf.signing.SigningFixture.FORM;
import static anguan.pdf.signing.SigningFixture.NOW;
import static anguan.pdf.signing.SigningFixture.PASSWORD;
import static anguan.pdf.signing.SigningFixture.PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.pdf.Poppler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two-signature 申请表 as another PDF implementation sees it: poppler's {@code pdfsig} (NSS
 * underneath). It does not know the platform CA, so it reports the issuer as unknown; what is
 * asserted is its verdict on each signature over its byte ranges.
 */
class PdfsigTest {
    private static final String VALID = "Signature Validation: Signature is Valid.";

    private final PlatformFormSigner signer = SigningFixture.signer(new InMemoryCredentials());
    private final byte[] personSigned = signer.signAsPerson(FORM, PERSON, NOW);
    private final byte[] both = signer.signAsEnterprise(personSigned, ENTERPRISE, PASSWORD, NOW.plusSeconds(60)).orElseThrow();

    @Test
    void pdfsigFindsTwoValidSignaturesThePersonsCoveringOnlyItsRevision() throws Exception {
        String report = Poppler.run(both, 0, "pdfsig");

        assertEquals(List.of(VALID, VALID), validationLines(report), report);
        assertTrue(report.contains("Signature #1:") && report.contains("Signature #2:") && !report.contains("Signature #3:"), report);
        assertTrue(report.contains("Signer Certificate Common Name: " + PERSON.name()), report);
        assertTrue(report.contains("Signer Certificate Common Name: " + ENTERPRISE.name()), report);
        assertTrue(report.contains("Signature Type: ETSI.CAdES.detached"), report);
        assertTrue(report.contains("Not total document signed"), "the person's signature covers its own revision:\n" + report);
        assertTrue(report.contains("Total document signed"), report);
    }

    @Test
    void oneByteFlippedInsideBothSignedRangesInvalidatesBoth() throws Exception {
        byte[] altered = both.clone();
        // The binary comment on the second line: inside every signature's first range, and harmless to the parser.
        altered[10] ^= 0x01;

        List<String> lines = validationLines(Poppler.run(altered, -1, "pdfsig"));

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().noneMatch(VALID::equals), lines.toString());
    }

    @Test
    void oneByteFlippedInTheEnterprisesRevisionInvalidatesOnlyTheEnterprisesSignature() throws Exception {
        byte[] altered = both.clone();
        int date = indexOf(altered, "(D:2026", personSigned.length);
        altered[date + 3] = '3';

        List<String> lines = validationLines(Poppler.run(altered, -1, "pdfsig"));

        assertEquals(2, lines.size(), lines.toString());
        assertEquals(VALID, lines.get(0), "the person's revision is untouched");
        assertTrue(!VALID.equals(lines.get(1)), lines.toString());
    }

    private static List<String> validationLines(String report) {
        return Pattern.compile("Signature Validation: [^\\n]*").matcher(report).results().map(m -> m.group()).toList();
    }

    private static int indexOf(byte[] pdf, String needle, int from) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= pdf.length - n.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (pdf[i + k] != n[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(needle + " not found after " + from);
    }
}
