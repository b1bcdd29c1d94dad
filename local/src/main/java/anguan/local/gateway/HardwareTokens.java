package anguan.local.gateway;

import anguan.domain.common.Masking;
import anguan.domain.enterprise.Uscc;
import anguan.pdf.ca.Credential;
import anguan.pdf.ca.PlatformCa;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /dev/hardware-tokens {"uscc":"…"}}: what an enterprise's 一证通 hardware token holds
 * (a certificate from the local platform CA naming the enterprise and its USCC, and the private key),
 * so that the two-phase enterprise signature (prepare, sign the digest outside, complete) can be
 * driven from a test or a terminal. Only for an enterprise in the registry: one that is not cannot
 * sign anything. The private key leaves only in this answer (local only, never deployed) and is
 * never logged; each call issues a new token, as a new token from the issuer would be.
 */
public final class HardwareTokens {
    private final PlatformCa ca;
    private final Function<String, Optional<String>> enterpriseNames;
    private final Clock clock;

    /**
     * @param ca              the runner's platform CA (its signing material)
     * @param enterpriseNames the registered name of the enterprise with this USCC, if it is registered
     */
    public HardwareTokens(PlatformCa ca, Function<String, Optional<String>> enterpriseNames, Clock clock) {
        this.ca = ca;
        this.enterpriseNames = enterpriseNames;
        this.clock = clock;
    }

    /** 200 {certificate, privateKey} (base64 DER X.509 and PKCS#8); 400, 422 INVALID_USCC, or 404 企业未登记 otherwise. */
    GatewayResponse issue(GatewayRequest request) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.bodyText());
        } catch (JsonProcessingException e) {
            return GatewayResponse.badRequest("请求体不是合法的 JSON");
        }
        JsonNode field = body == null ? null : body.get("uscc");
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
            return GatewayResponse.badRequest("请求体应为 JSON 对象，给出企业的统一社会信用代码，如 {\"uscc\":\"91310000MA1FL4CT2Q\"}");
        }
        String uscc = Uscc.normalize(field.asText());
        if (!Uscc.isValid(uscc)) {
            return invalidUscc(field.asText());
        }
        Optional<String> name = enterpriseNames.apply(uscc);
        if (name.isEmpty()) {
            return GatewayResponse.notFound("企业未登记：" + uscc + "（先用 PUT /registry/enterprises/" + uscc + " 登记企业）");
        }
        Credential token = ca.issueHardwareToken(name.get(), uscc, clock.instant());
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            answer.put("certificate", Base64.getEncoder().encodeToString(token.certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate just issued encodes", e);
        }
        answer.put("privateKey", Base64.getEncoder().encodeToString(token.privateKeyPkcs8()));
        return GatewayResponse.json(200, answer);
    }

    /** Shaped as the functions' refusals of a USCC (VALIDATION_FAILED with INVALID_USCC). */
    private static GatewayResponse invalidUscc(String given) {
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("code", "INVALID_USCC");
        violation.put("field", "uscc");
        violation.put("message", "统一社会信用代码无效：" + Masking.echoed(given));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", 422);
        problem.put("code", "VALIDATION_FAILED");
        problem.put("title", "请求校验未通过");
        problem.put("detail", "共1项未通过：" + violation.get("message"));
        problem.put("violations", List.of(violation));
        return new GatewayResponse(422, Map.of("Content-Type", List.of("application/problem+json")), Json.bytes(problem));
    }
}
