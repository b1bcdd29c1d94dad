package anguan.certificates;

import static anguan.aws.testing.HandlerResponses.assertProblem;
import static anguan.aws.testing.HandlerResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateService;
import anguan.domain.certificate.CertificateStatus;
import anguan.domain.certificate.Position;
import anguan.domain.testing.InMemoryRegistry;
import anguan.domain.testing.TestClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The certificates function driven by the sample events in events/certificates. */
class CertificatesHandlerTest {
    private static final String ID_NO = "11010519491231002X";
    private static final String OTHER_ID_NO = "310104198505050015";
    private static final String USCC = "91310000MA1FL4CT2Q";
    private static final String OTHER_USCC = "91350100M000100Y43";
    private static final String NO = "沪建安C3（2024）0000001";
    private static final String EXPIRED_NO = "沪建安B（2020）0000002";
    private static final String CANCELLED_NO = "沪建安A（2025）0000003";
    private static final String MIGRATED_NO = "沪建安C1（2025）0000004";
    private static final String OTHERS_NO = "沪建安C3（2024）0000005";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final InMemoryRegistry store = new InMemoryRegistry(clock);
    private final CertificatesHandler handler = new CertificatesHandler(
            new CertificateService(store.certificateRepository(), store, clock), clock);

    /**
     * 王晓丽 at 上海浦江建设工程有限公司: a valid C3 with its e-certificate, a B whose end passed while
     * stored VALID, a cancelled A, a migrated C1 without a file; 陈子莲 (same enterprise) a C3 of hers.
     */
    @BeforeEach
    void certificates() {
        issued(certificate(NO, ID_NO, "王晓丽", USCC, LocalDate.of(2024, 5, 1), CertificateStatus.VALID));
        issued(certificate(EXPIRED_NO, ID_NO, "王晓丽", USCC, LocalDate.of(2020, 3, 1), CertificateStatus.VALID));
        issued(certificate(CANCELLED_NO, ID_NO, "王晓丽", USCC, LocalDate.of(2025, 1, 1), CertificateStatus.CANCELLED));
        store.save(certificate(MIGRATED_NO, ID_NO, "王晓丽", USCC, LocalDate.of(2025, 6, 1), CertificateStatus.VALID));
        issued(certificate(OTHERS_NO, OTHER_ID_NO, "陈子莲", USCC, LocalDate.of(2024, 4, 1), CertificateStatus.VALID));
    }

    private static Certificate certificate(String no, String idNo, String name, String uscc, LocalDate from, CertificateStatus status) {
        Category category = Category.valueOf(no.substring(3, no.indexOf('（')));
        return new Certificate(no, idNo, name, category, category.allowedPositions().iterator().next(), uscc, "上海浦江建设工程有限公司",
                from, from, from.plusYears(3).minusDays(1), status, null, 0, null, null);
    }

    private void issued(Certificate c) {
        String key = "certificates/" + c.certificateNo() + "/001.ofd";
        store.put(key, "OFD".getBytes(), "application/ofd");
        store.save(c.withFile(1, "1.2.156.3005.2.11100000000013338W011.91310000MA1FL4CT2Q.20240000001.001.X",
                "安管人员证书_" + c.certificateNo() + ".ofd", key));
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/list-own.json", type = APIGatewayV2HTTPEvent.class)
    void thePersonSeesEveryOwnCertificateNewestFirstWithTheEffectiveStatusMasked(APIGatewayV2HTTPEvent event) throws Exception {
        JsonNode page = json(handler.handle(event));

        assertEquals(4, page.get("total").asInt(), page.toString());
        assertEquals(MIGRATED_NO, page.get("items").get(0).get("certificateNo").asText());
        assertEquals(EXPIRED_NO, page.get("items").get(3).get("certificateNo").asText());
        assertEquals("EXPIRED", page.get("items").get(3).get("status").asText());
        assertEquals("05", page.get("items").get(3).get("statusCode").asText());
        assertEquals("失效", page.get("items").get(3).get("statusName").asText());
        assertEquals("CANCELLED", page.get("items").get(1).get("status").asText());
        assertEquals("11**************2X", page.get("items").get(0).get("idNo").asText());
        assertNull(page.get("items").get(0).get("ofdFileName"), "a migrated certificate has no file to name");
        assertEquals("安管人员证书_" + NO + ".ofd", page.get("items").get(2).get("ofdFileName").asText());
        assertFalse(page.toString().contains(ID_NO));
        assertFalse(page.toString().contains(OTHERS_NO));
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/list-own.json", type = APIGatewayV2HTTPEvent.class)
    void theStatusFilterIsTheEffectiveStatusAndAnUnknownOneIsABadRequest(APIGatewayV2HTTPEvent event) throws Exception {
        event.setQueryStringParameters(Map.of("status", "EXPIRED"));
        JsonNode expired = json(handler.handle(event));
        assertEquals(1, expired.get("total").asInt(), expired.toString());
        assertEquals(EXPIRED_NO, expired.get("items").get(0).get("certificateNo").asText());

        event.setQueryStringParameters(Map.of("status", "GONE"));
        APIGatewayV2HTTPResponse response = handler.handle(event);
        assertProblem(response, 400, "BAD_REQUEST");
        assertTrue(json(response).get("detail").asText().contains("EXPIRED"), response.getBody());
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/list-own-bad-size.json", type = APIGatewayV2HTTPEvent.class)
    void aPageOfMoreThanAHundredIsABadRequest(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertProblem(response, 400, "BAD_REQUEST");
        assertTrue(json(response).get("detail").asText().contains("size"), response.getBody());
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/list-enterprise.json", type = APIGatewayV2HTTPEvent.class)
    void theEnterpriseFindsItsCertificatesByNameIdNumberOrNumber(APIGatewayV2HTTPEvent event) throws Exception {
        JsonNode byName = json(handler.handle(event));
        assertEquals(4, byName.get("total").asInt(), byName.toString());
        assertFalse(byName.toString().contains("陈子莲"));

        event.setQueryStringParameters(Map.of("idNo", OTHER_ID_NO));
        JsonNode byId = json(handler.handle(event));
        assertEquals(1, byId.get("total").asInt(), byId.toString());
        assertEquals("31**************15", byId.get("items").get(0).get("idNo").asText());
        assertFalse(byId.toString().contains(OTHER_ID_NO));

        event.setQueryStringParameters(Map.of("certificateNo", "沪建安c3(2024)0000001"));
        JsonNode byNumber = json(handler.handle(event));
        assertEquals(1, byNumber.get("total").asInt(), byNumber.toString());
        assertEquals(NO, byNumber.get("items").get(0).get("certificateNo").asText());

        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "enterprise", "uscc", OTHER_USCC));
        event.setQueryStringParameters(null);
        assertEquals(0, json(handler.handle(event)).get("total").asInt());
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/download-own.json", type = APIGatewayV2HTTPEvent.class)
    void theHolderDownloadsTheirECertificateThroughAShortLivedLink(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode link = json(response);
        assertEquals("安管人员证书_" + NO + ".ofd", link.get("fileName").asText());
        assertEquals("memory://certificates/" + NO + "/001.ofd", link.get("url").asText());
        assertEquals("2026-11-27T10:05:00+08:00", link.get("expiresAt").asText());
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/download-own.json", type = APIGatewayV2HTTPEvent.class)
    void anotherPersonsWithdrawnAndMigratedCertificatesAreRefusedEachWithItsCode(APIGatewayV2HTTPEvent event) throws Exception {
        event.setPathParameters(Map.of("certificateNo", OTHERS_NO));
        assertProblem(handler.handle(event), 404, "NOT_FOUND");
        event.setPathParameters(Map.of("certificateNo", "沪建安C3（2024）0009999"));
        assertProblem(handler.handle(event), 404, "NOT_FOUND");

        event.setPathParameters(Map.of("certificateNo", CANCELLED_NO));
        APIGatewayV2HTTPResponse withdrawn = handler.handle(event);
        assertProblem(withdrawn, 409, "CERTIFICATE_WITHDRAWN");
        assertTrue(json(withdrawn).get("detail").asText().contains("注销"), withdrawn.getBody());

        event.setPathParameters(Map.of("certificateNo", MIGRATED_NO));
        APIGatewayV2HTTPResponse migrated = handler.handle(event);
        assertProblem(migrated, 409, "ECERTIFICATE_NOT_ISSUED");
        assertTrue(json(migrated).get("detail").asText().contains("尚未签发电子证书"), migrated.getBody());

        event.setPathParameters(Map.of("certificateNo", EXPIRED_NO));
        assertEquals(200, handler.handle(event).getStatusCode(), "an expired certificate may still be downloaded");
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/download-enterprise.json", type = APIGatewayV2HTTPEvent.class)
    void theEnterpriseDownloadsWithHalfWidthParenthesesButNotAnotherEnterprises(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("安管人员证书_" + NO + ".ofd", json(response).get("fileName").asText());

        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "enterprise", "uscc", OTHER_USCC));
        assertProblem(handler.handle(event), 404, "NOT_FOUND");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "person", "idNo", ID_NO));
        assertProblem(handler.handle(event), 403, "FORBIDDEN");
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/list-own.json", type = APIGatewayV2HTTPEvent.class)
    void aTokenThatNamesNoOneIsRefused(APIGatewayV2HTTPEvent event) throws Exception {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "person"));
        assertProblem(handler.handle(event), 403, "FORBIDDEN");
        event.setRouteKey("GET /enterprise/certificates");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("role", "enterprise", "uscc", " "));
        assertProblem(handler.handle(event), 403, "FORBIDDEN");
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/verify.json", type = APIGatewayV2HTTPEvent.class)
    void anyoneVerifiesACertificateAsJsonWithTheNameMaskedToOneStarAndNoIdNumber(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getHeaders().get("content-type").startsWith("application/json"));
        JsonNode c = json(response);
        assertEquals(NO, c.get("certificateNo").asText());
        assertEquals("VALID", c.get("status").asText());
        assertEquals("01", c.get("statusCode").asText());
        assertEquals("有效", c.get("statusName").asText());
        assertEquals("王*", c.get("name").asText());
        assertEquals("C3", c.get("category").asText());
        assertEquals("专职安全生产管理人员（综合）", c.get("categoryName").asText());
        assertEquals("上海浦江建设工程有限公司", c.get("enterpriseName").asText());
        assertEquals("2024-05-01", c.get("validFrom").asText());
        assertEquals("2027-04-30", c.get("validTo").asText());
        assertTrue(c.get("licenceId").asText().startsWith("1.2.156.3005.2."));
        assertFalse(c.has("idNo"));
        assertFalse(response.getBody().contains(ID_NO) || response.getBody().contains("photo"));
        assertSecured(response);
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/verify.json", type = APIGatewayV2HTTPEvent.class)
    void anExpiredOrWithdrawnCertificateVerifiesAsSuchAndAnUnknownOneIsNotFound(APIGatewayV2HTTPEvent event) throws Exception {
        event.setPathParameters(Map.of("certificateNo", "沪建安B(2020)0000002"));
        assertEquals("EXPIRED", json(handler.handle(event)).get("status").asText());
        event.setPathParameters(Map.of("certificateNo", CANCELLED_NO));
        assertEquals("注销", json(handler.handle(event)).get("statusName").asText());
        event.setPathParameters(Map.of("certificateNo", "沪建安C3（2024）0009999"));
        APIGatewayV2HTTPResponse unknown = handler.handle(event);
        assertProblem(unknown, 404, "NOT_FOUND");
        assertSecured(unknown);
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/verify-page.json", type = APIGatewayV2HTTPEvent.class)
    void aPhonesBrowserGetsAChinesePageWithAGreenBannerAndNothingToLoad(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("content-type"));
        String html = response.getBody();
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<meta charset=\"utf-8\">") && html.contains("<meta name=\"viewport\""), html);
        assertTrue(html.contains("<div class=\"banner valid\">有效</div>"), html);
        for (String fact : new String[] {NO, "王*", "C3 专职安全生产管理人员（综合）", "上海浦江建设工程有限公司", "2024-05-01 至 2027-04-30",
                "1.2.156.3005.2."}) {
            assertTrue(html.contains(fact), fact + " in " + html);
        }
        assertFalse(html.contains(ID_NO) || html.contains("王晓丽"));
        assertFalse(html.contains("<script") || html.contains("<img") || html.contains("http://") || html.contains("https://")
                || html.contains("<link"), html);
        assertSecured(response);
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/verify-page.json", type = APIGatewayV2HTTPEvent.class)
    void theBannerIsRedForExpiredAndWithdrawnAndAnUnknownNumberIsA404Page(APIGatewayV2HTTPEvent event) throws Exception {
        event.setPathParameters(Map.of("certificateNo", EXPIRED_NO));
        assertTrue(handler.handle(event).getBody().contains("<div class=\"banner invalid\">失效</div>"));
        event.setPathParameters(Map.of("certificateNo", CANCELLED_NO));
        assertTrue(handler.handle(event).getBody().contains("<div class=\"banner invalid\">注销</div>"));

        event.setPathParameters(Map.of("certificateNo", "沪建安C3（2024）0009999"));
        APIGatewayV2HTTPResponse unknown = handler.handle(event);
        assertEquals(404, unknown.getStatusCode());
        assertEquals("text/html; charset=utf-8", unknown.getHeaders().get("content-type"));
        assertTrue(unknown.getBody().contains("未查询到该证书"), unknown.getBody());
        assertSecured(unknown);
    }

    @ParameterizedTest
    @Event(value = "../../events/certificates/verify-page.json", type = APIGatewayV2HTTPEvent.class)
    void aBrokenLinkIsA400PageSayingWhy(APIGatewayV2HTTPEvent event) throws Exception {
        event.setPathParameters(Map.of("certificateNo", "%E6%B2%ZZ"));
        APIGatewayV2HTTPResponse broken = handler.handle(event);

        assertEquals(400, broken.getStatusCode());
        assertEquals("text/html; charset=utf-8", broken.getHeaders().get("content-type"));
        assertTrue(broken.getBody().contains("无法核验该证书") && broken.getBody().contains("%编码"), broken.getBody());
        assertSecured(broken);
    }

    @Test
    void everyValueOnThePageIsEscaped() throws Exception {
        LocalDate from = LocalDate.of(2024, 5, 1);
        store.save(new Certificate("<script>alert(1)</script>", ID_NO, "\"><img src=x>", Category.C3, Position.P08, USCC,
                "A&B <i>公司</i> 'x'", from, from, from.plusYears(3).minusDays(1), CertificateStatus.VALID, null, 0, null, null));
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("GET /public/certificates/{certificateNo}");
        event.setPathParameters(Map.of("certificateNo", "<script>alert(1)</script>"));
        event.setHeaders(new HashMap<>(Map.of("accept", "text/html")));
        event.setRequestContext(new APIGatewayV2HTTPEvent.RequestContext());

        String html = handler.handle(event).getBody();

        assertFalse(html.contains("<script>") || html.contains("<img") || html.contains("<i>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("A&amp;B &lt;i&gt;公司&lt;/i&gt; &#39;x&#39;"), html);
        assertTrue(html.contains("&quot;*"), html);
    }

    @Test
    void aBrowserGetsThePageAndAnApiClientTheJson() {
        assertTrue(Verification.wantsPage("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertTrue(Verification.wantsPage("text/html"));
        assertTrue(Verification.wantsPage("application/json;q=0.5, text/html"));
        assertFalse(Verification.wantsPage(null));
        assertFalse(Verification.wantsPage("*/*"));
        assertFalse(Verification.wantsPage("application/json"));
        assertFalse(Verification.wantsPage("text/html;q=0, application/json"));
        assertFalse(Verification.wantsPage("text/html;q=0.5, application/json"));
        assertFalse(Verification.wantsPage("text/html;q=oops"));
    }

    private static void assertSecured(APIGatewayV2HTTPResponse response) {
        Map<String, String> h = response.getHeaders();
        assertEquals("no-store", h.get("cache-control"));
        assertEquals("nosniff", h.get("x-content-type-options"));
        String csp = h.get("content-security-policy");
        assertTrue(csp.startsWith("default-src 'none'; style-src 'sha256-") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe"), csp);
    }
}
