package anguan.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local stand-in for the SSOs: HS256 JWTs signed with a secret made once per data directory
 * (so tokens survive a restart), checked the way API Gateway's JWT authorizer checks the real
 * ones: signature, issuer, audience, expiry.
 */
public final class LocalTokens {
    public static final Duration VALIDITY = Duration.ofHours(12);
    private static final String SECRET_FILE = "jwt-secret";

    private final byte[] secret;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    LocalTokens(byte[] secret, String issuer, String audience, Clock clock) {
        this.secret = secret.clone();
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /**
     * @param dataDir where the secret is kept; null for a secret that lives as long as this runner
     */
    public static LocalTokens open(Path dataDir, String issuer, String audience) {
        return new LocalTokens(dataDir == null ? newSecret() : storedSecret(dataDir.resolve(SECRET_FILE)), issuer, audience,
                Clock.systemUTC());
    }

    public String issuer() {
        return issuer;
    }

    /** A token with these claims (role, idNo, uscc, sub, name ...) plus iss, aud, iat and a 12-hour exp. */
    public String issue(Map<String, ?> claims) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        builder.issuer(issuer).audience(audience).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(VALIDITY)));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), builder.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token that failed a check; the message says which, in words for the API's {@code detail}. */
    public static final class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }

    /**
     * Checks a token as a JWT authorizer with this issuer and these audiences does, and answers its
     * claims as API Gateway passes them on: every value a string, lists as {@code [a b]}.
     */
    public Map<String, String> verify(String token, String expectedIssuer, Set<String> audiences) throws InvalidToken {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidToken("令牌格式无效");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                throw new InvalidToken("令牌签名无效");
            }
        } catch (JOSEException e) {
            throw new InvalidToken("令牌签名无效");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            throw new InvalidToken("令牌已过期");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
            throw new InvalidToken("令牌尚未生效");
        }
        if (!expectedIssuer.equals(claims.getIssuer())) {
            throw new InvalidToken("令牌签发者不符");
        }
        if (Collections.disjoint(claims.getAudience(), audiences)) {
            throw new InvalidToken("令牌受众不符");
        }
        Map<String, String> strings = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> strings.put(name, claimString(value)));
        return strings;
    }

    private static String claimString(Object value) {
        return switch (value) {
            case Date date -> Long.toString(date.toInstant().getEpochSecond());
            case List<?> list -> "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
            default -> String.valueOf(value);
        };
    }

    private static byte[] storedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] secret = newSecret();
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(SECRET_FILE + ".tmp");
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a local secret for a local runner: readable by the user is fine elsewhere
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the JWT secret in " + file, e);
        }
    }

    private static byte[] newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
