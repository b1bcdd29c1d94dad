package anguan.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * 短信验证码: one code sent to the applicant's registry mobile to unlock the personal signature of one
 * submitted version of one application. Only a salted SHA-256 of the code is kept. The code itself is
 * derived from the salt with the platform's SMS secret (HMAC), so a request retried after a crash can
 * hand the very same SMS to the notifier again (which sends it once) instead of sending a second,
 * different code; without the secret the salt tells nothing. Immutable: each try gives the next
 * state, which the repository writes over the version it read, so two tries at once cannot both
 * count as the fifth.
 *
 * @param applicationVersion the submitted version of the application the code signs: a save and a
 *                           new 签名上报 make a code sent before them useless
 * @param fileName           the form being signed, named in the SMS
 * @param codeHash           hex SHA-256 of salt + code
 * @param announcedAt        when its SMS was handed to the notifier (null: not yet, a retry hands it again)
 * @param wrongTries         wrong codes entered so far; at {@link SmsCodePolicy#WRONG_TRIES} the code is void
 * @param usedAt             when the right code was entered (then it can never unlock anything else)
 */
public record SmsChallenge(String applicationNo, long applicationVersion, String mobile, String fileName, String salt,
                           String codeHash, Instant sentAt, Instant announcedAt, int wrongTries, Instant usedAt) {

    public SmsChallenge {
        Objects.requireNonNull(applicationNo, "applicationNo");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** A new challenge and the code to send: the code exists in clear only here and in the SMS. */
    public record Issued(SmsChallenge challenge, String code) {
        @Override
        public String toString() {
            return "Issued[" + challenge + ", code=******]";
        }
    }

    /**
     * A fresh challenge: a random salt from {@code random} (a SecureRandom in production) and the
     * code that {@code secret} derives from it.
     */
    public static Issued issue(String applicationNo, long applicationVersion, String mobile, String fileName, Instant now,
                               RandomGenerator random, byte[] secret) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String code = derive(secret, applicationNo, salt);
        return new Issued(new SmsChallenge(applicationNo, applicationVersion, mobile, fileName, salt, hash(salt, code), now,
                null, 0, null), code);
    }

    /** The code of this challenge, again: for handing its SMS to the notifier once more after a crash. */
    public String code(byte[] secret) {
        String code = derive(secret, applicationNo, salt);
        if (!MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII), hash(salt, code).getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalStateException("the SMS secret is not the one this code was issued with");
        }
        return code;
    }

    public Instant expiresAt() {
        return sentAt.plus(SmsCodePolicy.VALID_FOR);
    }

    /** How long until another code may be sent for this application; zero once it may. */
    public Duration resendIn(Instant now) {
        Duration waited = Duration.between(sentAt, now);
        return waited.compareTo(SmsCodePolicy.RESEND_AFTER) >= 0 ? Duration.ZERO : SmsCodePolicy.RESEND_AFTER.minus(waited);
    }

    public boolean isVoid() {
        return wrongTries >= SmsCodePolicy.WRONG_TRIES;
    }

    public boolean isAnnounced() {
        return announcedAt != null;
    }

    public int attemptsLeft() {
        return Math.max(0, SmsCodePolicy.WRONG_TRIES - wrongTries);
    }

    public SmsChallenge announced(Instant at) {
        return new SmsChallenge(applicationNo, applicationVersion, mobile, fileName, salt, codeHash, sentAt, at, wrongTries, usedAt);
    }

    /** Whether {@code entered} is this challenge's code (whatever its state). */
    public boolean matches(String entered) {
        return entered != null && entered.strip().matches("\\d{" + SmsCodePolicy.DIGITS + "}")
                && MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                hash(salt, entered.strip()).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * One entered code, judged at {@code now}. A used or voided code answers USED whatever is entered,
     * an expired one EXPIRED, so a late or repeated try never reveals whether it would have been right.
     */
    public Attempt attempt(String entered, Instant now) {
        if (usedAt != null || isVoid()) {
            return new Attempt(Attempt.Outcome.USED, this);
        }
        if (!now.isBefore(expiresAt())) {
            return new Attempt(Attempt.Outcome.EXPIRED, this);
        }
        if (matches(entered)) {
            return new Attempt(Attempt.Outcome.ACCEPTED,
                    new SmsChallenge(applicationNo, applicationVersion, mobile, fileName, salt, codeHash, sentAt, announcedAt, wrongTries, now));
        }
        SmsChallenge counted = new SmsChallenge(applicationNo, applicationVersion, mobile, fileName, salt, codeHash, sentAt,
                announcedAt, wrongTries + 1, null);
        return new Attempt(counted.isVoid() ? Attempt.Outcome.VOIDED : Attempt.Outcome.WRONG, counted);
    }

    /** What one try did, and the challenge as it stands after it (to be written back when it changed). */
    public record Attempt(Outcome outcome, SmsChallenge after) {
        /** ACCEPTED unlocks the signature; WRONG leaves {@code after.attemptsLeft()}; VOIDED was the last wrong try. */
        public enum Outcome { ACCEPTED, WRONG, VOIDED, EXPIRED, USED }
    }

    /** Six decimal digits from HMAC-SHA256(secret, applicationNo:salt); the bias of the modulo is below 2^-40. */
    private static String derive(byte[] secret, String applicationNo, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal((applicationNo + ":" + salt).getBytes(StandardCharsets.US_ASCII));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (h[i] & 0xff);
            }
            return "%06d".formatted(Long.remainderUnsigned(value, 1_000_000)); // SmsCodePolicy.DIGITS
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Neither the hash nor the salt belongs in a log line. */
    @Override
    public String toString() {
        return "SmsChallenge[" + applicationNo + " v" + applicationVersion + ", sentAt=" + sentAt + ", announced=" + isAnnounced()
                + ", wrongTries=" + wrongTries + ", used=" + (usedAt != null) + "]";
    }
}
