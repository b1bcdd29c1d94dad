package anguan.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.LocalRunner;
import anguan.pdf.ca.CertificateSubjects;
import anguan.pdf.ca.PlatformCa;
import anguan.pdf.ca.Trust;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /dev/hardware-tokens (API.md, Identity): what a 一证通 hardware token holds, from the runner's
 * CA, for a registered enterprise; what a developer driving the two-phase signature sends wrong.
 */
class HardwareTokensIT {
    private final Api api = RunnerFixture.api();
    private final World world = new World(api);

    @Test
    void aRegisteredEnterpriseGetsACertificateFromTheRunnersCaWithItsUsccAndTheKeyThatSignsForIt() throws Exception {
        String uscc = world.enterprise("上海浦江硬件令牌建设有限公司");

        Api.Reply reply = api.post("/dev/hardware-tokens", Map.of("uscc", uscc), null);

        assertEquals(200, reply.status(), reply.raw());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        X509Certificate certificate = PlatformCa.certificate(Base64.getDecoder().decode(reply.body().get("certificate").asText()));
        PlatformCa ca = LocalRunner.shared().signingMaterial().ca();
        assertEquals(Trust.TRUSTED, ca.trust(certificate, Instant.now()));
        certificate.verify(ca.certificate().getPublicKey());
        assertEquals(uscc, CertificateSubjects.usccOf(certificate).orElseThrow());
        assertEquals("上海浦江硬件令牌建设有限公司", CertificateSubjects.nameOf(certificate).orElseThrow());

        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(reply.body().get("privateKey").asText())));
        byte[] digest = "the signed byte ranges".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(digest);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate);
        verifier.update(digest);
        assertTrue(verifier.verify(signer.sign()), "the private key belongs to the certificate");
    }

    @Test
    void eachCallIssuesANewTokenAndALowerCaseUsccIsTheSameEnterprise() {
        String uscc = world.enterprise("上海两枚令牌建设有限公司");

        Api.Reply first = api.post("/dev/hardware-tokens", Map.of("uscc", uscc), null);
        Api.Reply second = api.post("/dev/hardware-tokens", Map.of("uscc", uscc.toLowerCase(java.util.Locale.ROOT)), null);

        assertEquals(200, first.status(), first.raw());
        assertEquals(200, second.status(), second.raw());
        assertNotEquals(first.body().get("privateKey").asText(), second.body().get("privateKey").asText());
        X509Certificate certificate = PlatformCa.certificate(Base64.getDecoder().decode(second.body().get("certificate").asText()));
        assertEquals(uscc, CertificateSubjects.usccOf(certificate).orElseThrow());
    }

    @Test
    void aUsccThatFailsItsCheckCharacterIsRefusedAsTheRegistryRefusesIt() {
        String uscc = world.enterprise("上海校验位建设有限公司");
        String wrongCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');

        Api.Reply reply = api.post("/dev/hardware-tokens", Map.of("uscc", wrongCheck), null);

        assertEquals(422, reply.status(), reply.raw());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals("VALIDATION_FAILED", reply.code());
        assertEquals(java.util.Set.of("INVALID_USCC"), reply.violationCodes());
        assertTrue(reply.body().get("detail").asText().contains("统一社会信用代码无效"), reply.raw());
        assertFalse(reply.raw().contains("privateKey"), reply.raw());
    }

    @Test
    void anEnterpriseOutsideTheRegistryGetsNoToken() {
        String uscc = TestIds.uscc();

        Api.Reply reply = api.post("/dev/hardware-tokens", Map.of("uscc", uscc), null);

        assertEquals(404, reply.status(), reply.raw());
        assertEquals("NOT_FOUND", reply.code());
        assertTrue(reply.body().get("detail").asText().contains("企业未登记"), reply.raw());
    }

    @Test
    void aBodyWithoutAUsccIsABadRequestInChinese() {
        for (String body : new String[] {"", "not json", "[]", "{}", "{\"uscc\":12}", "{\"uscc\":\"  \"}"}) {
            Api.Reply reply = api.raw("POST", "/dev/hardware-tokens", body, null);
            assertEquals(400, reply.status(), body + " -> " + reply.raw());
            assertEquals("BAD_REQUEST", reply.code(), reply.raw());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertTrue(reply.body().get("detail").asText().matches(".*[\\u4e00-\\u9fff].*"), reply.raw());
        }
        assertEquals(405, api.get("/dev/hardware-tokens", null).status());
    }
}
