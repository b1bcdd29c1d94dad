package anguan.enterprisesign;

import anguan.domain.common.BusinessTime;
import anguan.domain.signing.SigningSession;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * What …/signature/prepare answers (API.md): the session to complete, the SHA-256 of the PDF's signed
 * byte ranges for the hardware token to sign, and when the session lapses.
 */
record SigningSessionView(String signingId, String digestAlgorithm, String digest, OffsetDateTime expiresAt) {

    static SigningSessionView of(SigningSession s) {
        return new SigningSessionView(s.signingId(), "SHA-256", Base64.getEncoder().encodeToString(s.digest()),
                BusinessTime.local(s.expiresAt()));
    }
}
