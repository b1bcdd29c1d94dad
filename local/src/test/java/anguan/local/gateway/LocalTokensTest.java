package anguan.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    private final LocalTokens tokens = new LocalTokens(SECRET, "anguan-local", "anguan", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenCarriesItsClaimsAsStringsTheWayApiGatewayPassesThem() throws Exception {
        String token = tokens.issue(Map.of("role", "person", "idNo", "11010519491231002X", "name", "张三"));
        Map<String, String> claims = tokens.verify(token, "anguan-local", Set.of("anguan"));
        assertEquals("person", claims.get("role"));
        assertEquals("11010519491231002X", claims.get("idNo"));
        assertEquals("张三", claims.get("name"));
        assertEquals("anguan-local", claims.get("iss"));
        assertEquals("[anguan]", claims.get("aud"));
        assertEquals(Long.toString(NOW.plus(LocalTokens.VALIDITY).getEpochSecond()), claims.get("exp"));
    }

    @Test
    void expiredTokensAreRefused() {
        String token = tokens.issue(Map.of("role", "system"));
        LocalTokens later = new LocalTokens(SECRET, "anguan-local", "anguan",
                Clock.fixed(NOW.plus(LocalTokens.VALIDITY).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        LocalTokens.InvalidToken e = assertThrows(LocalTokens.InvalidToken.class, () -> later.verify(token, "anguan-local", Set.of("anguan")));
        assertEquals("令牌已过期", e.getMessage());
    }

    @Test
    void issuerAudienceAndSignatureAreChecked() {
        String token = tokens.issue(Map.of("role", "system"));
        assertEquals("令牌签发者不符", assertThrows(LocalTokens.InvalidToken.class,
                () -> tokens.verify(token, "someone-else", Set.of("anguan"))).getMessage());
        assertEquals("令牌受众不符", assertThrows(LocalTokens.InvalidToken.class,
                () -> tokens.verify(token, "anguan-local", Set.of("other"))).getMessage());
        LocalTokens otherSecret = new LocalTokens("another-secret-another-secret-12".getBytes(), "anguan-local", "anguan",
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals("令牌签名无效", assertThrows(LocalTokens.InvalidToken.class,
                () -> otherSecret.verify(token, "anguan-local", Set.of("anguan"))).getMessage());
        assertEquals("令牌格式无效", assertThrows(LocalTokens.InvalidToken.class,
                () -> tokens.verify("not.a.jwt", "anguan-local", Set.of("anguan"))).getMessage());
    }

    @Test
    void theSecretIsKeptInTheDataDirectorySoTokensSurviveARestart(@TempDir Path data) throws Exception {
        String token = LocalTokens.open(data, "anguan-local", "anguan").issue(Map.of("role", "system"));
        Map<String, String> claims = LocalTokens.open(data, "anguan-local", "anguan").verify(token, "anguan-local", Set.of("anguan"));
        assertEquals("system", claims.get("role"));
        assertEquals(44, Files.readString(data.resolve("jwt-secret")).length());
    }

    @Test
    void devTokensNeedAKnownRoleAndItsIdentifier() throws Exception {
        assertEquals(400, DevRoutes.issueToken(tokens, request("{\"role\":\"admin\"}")).status());
        assertEquals(400, DevRoutes.issueToken(tokens, request("{\"role\":\"person\"}")).status());
        assertEquals(400, DevRoutes.issueToken(tokens, request("{\"role\":\"enterprise\",\"uscc\":\"\"}")).status());
        assertEquals(400, DevRoutes.issueToken(tokens, request("not json")).status());
        GatewayResponse ok = DevRoutes.issueToken(tokens, request("{\"role\":\"reviewer\",\"sub\":\"r1\",\"name\":\"审批员\"}"));
        assertEquals(200, ok.status());
        String token = Json.MAPPER.readTree(ok.body()).get("token").asText();
        Map<String, String> claims = tokens.verify(token, "anguan-local", Set.of("anguan"));
        assertEquals("r1", claims.get("sub"));
        assertEquals("审批员", claims.get("name"));
    }

    private static GatewayRequest request(String body) {
        return new GatewayRequest("POST", "/dev/tokens", "", Map.of(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "127.0.0.1", "HTTP/1.1", Map.of());
    }
}
