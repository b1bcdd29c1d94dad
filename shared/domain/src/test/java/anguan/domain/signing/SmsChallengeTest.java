package anguan.domain.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.signing.SmsChallenge.Attempt.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmsChallengeTest {
    private static final byte[] SECRET = "sms-secret-for-tests-0123456789ab".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private final SmsChallenge.Issued issued = SmsChallenge.issue("W2026112700001", 2, "13912345678", "考核发证申请表_20261127100000.pdf", NOW, new Random(7), SECRET);
    private final SmsChallenge challenge = issued.challenge();
    private final String code = issued.code();

    private String wrongCode() {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aCodeIsSixDigitsAndOnlyItsSaltedHashIsKept() {
        assertTrue(code.matches("\\d{6}"), code);
        assertFalse(challenge.codeHash().contains(code));
        assertFalse(challenge.toString().contains(code) || challenge.toString().contains(challenge.codeHash()));
        assertFalse(issued.toString().contains(code));
        SmsChallenge other = SmsChallenge.issue("W2026112700001", 2, "13912345678", "考核发证申请表_20261127100000.pdf", NOW, new Random(8), SECRET).challenge();
        assertNotEquals(challenge.salt(), other.salt());
    }

    @Test
    void theRightCodeWithinThirtyMinutesUnlocksOnceAndNeverAgain() {
        SmsChallenge.Attempt first = challenge.attempt(code, NOW.plus(Duration.ofMinutes(29)));

        assertEquals(Outcome.ACCEPTED, first.outcome());
        assertEquals(Outcome.USED, first.after().attempt(code, NOW.plus(Duration.ofMinutes(29))).outcome());
    }

    @Test
    void aCodeThirtyMinutesOldHasExpired() {
        assertEquals(Outcome.EXPIRED, challenge.attempt(code, NOW.plus(SmsCodePolicy.VALID_FOR)).outcome());
    }

    @Test
    void eachWrongCodeCountsAndTheFifthVoidsTheCodeEvenForTheRightOne() {
        SmsChallenge current = challenge;
        for (int left = 4; left >= 1; left--) {
            SmsChallenge.Attempt wrong = current.attempt(wrongCode(), NOW.plusSeconds(10));
            assertEquals(Outcome.WRONG, wrong.outcome());
            assertEquals(left, wrong.after().attemptsLeft());
            current = wrong.after();
        }
        SmsChallenge.Attempt fifth = current.attempt(wrongCode(), NOW.plusSeconds(10));

        assertEquals(Outcome.VOIDED, fifth.outcome());
        assertEquals(0, fifth.after().attemptsLeft());
        assertEquals(Outcome.USED, fifth.after().attempt(code, NOW.plusSeconds(11)).outcome());
    }

    @Test
    void somethingThatIsNoSixDigitCodeIsAWrongTry() {
        for (String entered : new String[] {null, "", "12345", "1234567", "abcdef", code + " x"}) {
            assertEquals(Outcome.WRONG, challenge.attempt(entered, NOW.plusSeconds(5)).outcome(), String.valueOf(entered));
        }
        assertEquals(Outcome.ACCEPTED, challenge.attempt(" " + code + " ", NOW.plusSeconds(5)).outcome());
    }

    @Test
    void anotherCodeMaySendNinetySecondsAfterTheLast() {
        assertEquals(Duration.ofSeconds(90), challenge.resendIn(NOW));
        assertEquals(Duration.ofSeconds(1), challenge.resendIn(NOW.plusSeconds(89)));
        assertEquals(Duration.ZERO, challenge.resendIn(NOW.plusSeconds(90)));
    }

    @Test
    void theSameSecretDerivesTheSameCodeAgainSoARetriedRequestResendsTheSameSms() {
        assertEquals(code, challenge.code(SECRET));
        assertEquals(code, challenge.announced(NOW.plusSeconds(1)).code(SECRET));
        assertThrows(IllegalStateException.class, () -> challenge.code("another-secret-0123456789abcdefgh".getBytes()));
    }

    @Test
    void codesOfDifferentSaltsDifferAndSpreadOverAllDigits() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 2000; i++) {
            codes.add(SmsChallenge.issue("W2026112700001", 2, "13912345678", "f.pdf", NOW, random, SECRET).code());
        }
        assertTrue(codes.size() > 1990, "2000 draws from a million codes rarely collide: " + codes.size());
        assertTrue(codes.stream().anyMatch(c -> c.startsWith("0")), "leading zeros are kept");
    }
}
