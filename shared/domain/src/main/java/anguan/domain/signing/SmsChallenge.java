package anguan.domain.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * 短信验证码: one code sent to the applicant's registry mobile to unlock the personal signature of one
 * application. Only a salted SHA-256 of the code is kept (the code itself is in the SMS and nowhere
 * else: never in storage, logs or responses). Immutable: each try gives the next state, which the
 * repository writes over the version it read, so two tries at once cannot both count as the fifth.
 *
 * @param codeHash   hex SHA-256 of salt + code
 * @param wrongTries wrong codes entered so far; at {@link SmsCodePolicy#WRONG_TRIES} the code is void
 * @param usedAt     when the right code was entered (then it can never be used again)
 */
public record SmsChallenge(String applicationNo, String mobile, String salt, String codeHash, Instant sentAt,
                           int wrongTries, Instant usedAt) {

    public SmsChallenge {
        Objects.requireNonNull(applicationNo, "applicationNo");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** A new challenge and the code to send: the only place the code exists in clear. */
    public record Issued(SmsChallenge challenge, String code) {
        @Override
        public String toString() {
            return "Issued[" + challenge + ", code=******]";
        }
    }

    /** Draws a fresh code from {@code random} (a SecureRandom in production). */
    public static Issued issue(String applicationNo, String mobile, Instant now, RandomGenerator random) {
        String code = "%06d".formatted(random.nextInt(1_000_000)); // SmsCodePolicy.DIGITS
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new Issued(new SmsChallenge(applicationNo, mobile, salt, hash(salt, code), now, 0, null), code);
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

    public int attemptsLeft() {
        return Math.max(0, SmsCodePolicy.WRONG_TRIES - wrongTries);
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
        boolean right = entered != null && entered.strip().matches("\\d{" + SmsCodePolicy.DIGITS + "}")
                && MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                hash(salt, entered.strip()).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            return new Attempt(Attempt.Outcome.ACCEPTED, new SmsChallenge(applicationNo, mobile, salt, codeHash, sentAt, wrongTries, now));
        }
        SmsChallenge counted = new SmsChallenge(applicationNo, mobile, salt, codeHash, sentAt, wrongTries + 1, null);
        return new Attempt(counted.isVoid() ? Attempt.Outcome.VOIDED : Attempt.Outcome.WRONG, counted);
    }

    /** What one try did, and the challenge as it stands after it (to be written back when it changed). */
    public record Attempt(Outcome outcome, SmsChallenge after) {
        /** ACCEPTED unlocks the signature; WRONG leaves {@code after.attemptsLeft()}; VOIDED was the last wrong try. */
        public enum Outcome { ACCEPTED, WRONG, VOIDED, EXPIRED, USED }
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Neither the hash nor the salt belongs in a log line. */
    @Override
    public String toString() {
        return "SmsChallenge[" + applicationNo + ", sentAt=" + sentAt + ", wrongTries=" + wrongTries + ", used=" + (usedAt != null) + "]";
    }
}
