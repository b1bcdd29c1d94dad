package anguan.domain.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import anguan.domain.testing.Gen;
import anguan.domain.testing.Property;
import anguan.domain.testing.Substitution;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 证书编号 carry no check character, so what matters is that reading is exact: every printed number
 * reads back as itself in either parenthesis width, nothing read throws, and a typo never reads
 * silently as the number it was typed from.
 */
class CertificateNumberPropertyTest {
    private static final int TRIES = 400;
    /** Sorted, so that a seed replays the same provinces (Set.of iterates in a per-run order). */
    private static final List<String> PROVINCES = CertificateNumber.PROVINCES.stream().sorted().toList();
    /** What a typo may put in: digits, the category letters in both cases, brackets, spaces, Han characters. */
    private static final String TYPOS = "0123456789ABCDabcd（）()【】[] 　建安沪京鲁山中";

    static CertificateNumber anyNumber(Random random) {
        return new CertificateNumber(Gen.oneOf(random, PROVINCES), Gen.oneOf(random, Category.values()),
                random.nextInt(1000, 10_000), random.nextInt(1, 10_000_000));
    }

    /**
     * Each piece usually right and otherwise one of the ways people get it wrong (short or zero
     * years, odd brackets, extra characters), so that most strings are a piece or two off a number.
     */
    static String nearlyANumber(Random random) {
        String padding = usually(random, "", " ", "\t", "　", "\n");
        return padding
                + usually(random, Gen.oneOf(random, PROVINCES), "山", "X", "", "沪沪", String.valueOf((char) random.nextInt(0x4E00, 0x9FA6)))
                + usually(random, "建安", "建", "安建", "建 安", "")
                + usually(random, Gen.oneOf(random, "A", "B", "C1", "C2", "C3", "c3", "a"), "C", "C4", "D", "", "C33")
                + usually(random, Gen.oneOf(random, "（", "("), "【", "", "((")
                + Gen.digits(random, usually(random, 4, 0, 1, 3, 5))
                + usually(random, Gen.oneOf(random, "）", ")"), "】", "", "))")
                + Gen.digits(random, usually(random, 7, 0, 6, 8))
                + padding;
    }

    /** {@code right} three times in four, else one of {@code wrong}. */
    @SafeVarargs
    private static <T> T usually(Random random, T right, T... wrong) {
        return random.nextInt(4) > 0 ? right : Gen.oneOf(random, wrong);
    }

    @Test
    void everyPrintedNumberReadsBackAsItself() {
        Property.forAll(TRIES, CertificateNumberPropertyTest::anyNumber, no -> {
            assertEquals(Optional.of(no), CertificateNumber.parse(no.format()));
            assertEquals(no.format(), CertificateNumber.normalize(no.format()));
        });
    }

    @Test
    void halfWidthParenthesesALowercaseCategoryAndSurroundingSpacesReadAsTheSameNumber() {
        Property.forAll(TRIES, random -> {
            CertificateNumber no = anyNumber(random);
            String typed = no.format();
            if (random.nextBoolean()) {
                typed = typed.replace('（', '(');
            }
            if (random.nextBoolean()) {
                typed = typed.replace('）', ')');
            }
            if (random.nextBoolean()) {
                typed = typed.replace(no.category().code(), no.category().code().toLowerCase(Locale.ROOT));
            }
            return new Typed(no, Gen.oneOf(random, "", " ", "\t") + typed + Gen.oneOf(random, "", " ", "\n"));
        }, t -> {
            assertEquals(Optional.of(t.number()), CertificateNumber.parse(t.text()));
            assertEquals(t.number().format(), CertificateNumber.normalize(t.text()));
        });
    }

    record Typed(CertificateNumber number, String text) {
    }

    @Test
    void readingNeverThrowsAndWhatItReadsPrintsAsAValidNumber() {
        Property.forAll(TRIES * 5, random -> random.nextBoolean() ? nearlyANumber(random) : Gen.anyString(random, 40), text -> {
            Optional<CertificateNumber> read = CertificateNumber.parse(text);
            String normalized = CertificateNumber.normalize(text);
            read.ifPresent(no -> {
                assertEquals(read, CertificateNumber.parse(no.format()));
                assertEquals(no.format(), normalized);
            });
        });
    }

    @Test
    void aOneCharacterTypoIsRefusedOrReadsAsAnotherNumberUnlessItIsAnotherSpellingOfTheSame() {
        Property.forAll(TRIES, CertificateNumberPropertyTest::anyNumber, no -> {
            for (Substitution typo : Substitution.allOf(no.format(), TYPOS)) {
                Optional<CertificateNumber> read = CertificateNumber.parse(typo.text());
                if (sameSpelling(typo.replaced(), typo.replacement())) {
                    assertEquals(Optional.of(no), read, typo.toString());
                } else {
                    assertNotEquals(Optional.of(no), read, typo.toString());
                }
            }
        });
    }

    /** The spellings the parser forgives on purpose: parenthesis width and letter case. */
    private static boolean sameSpelling(char printed, char typed) {
        return fold(printed) == fold(typed);
    }

    private static char fold(char c) {
        return switch (c) {
            case '(' -> '（';
            case ')' -> '）';
            default -> Character.toUpperCase(c);
        };
    }
}
