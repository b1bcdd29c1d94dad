package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.LI_ID;
import static anguan.domain.registry.RegistryTestbed.NOW;
import static anguan.domain.registry.RegistryTestbed.ZHANG_ID;
import static anguan.domain.registry.RegistryTestbed.base64;
import static anguan.domain.registry.RegistryTestbed.codeOf;
import static anguan.domain.registry.RegistryTestbed.codes;
import static anguan.domain.registry.RegistryTestbed.contentKey;
import static anguan.domain.registry.RegistryTestbed.gif;
import static anguan.domain.registry.RegistryTestbed.jpeg;
import static anguan.domain.registry.RegistryTestbed.mobileOnly;
import static anguan.domain.registry.RegistryTestbed.png;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.common.DomainProblem;
import anguan.domain.person.Gender;
import anguan.domain.person.IdType;
import anguan.domain.person.Person;
import anguan.domain.registry.Feeds.PersonFeed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 从业人员信息登记: PUT /registry/persons/{idNo}. */
class PersonFeedTest {
    private final RegistryTestbed bed = new RegistryTestbed();

    private Person stored(String idNo) {
        return bed.registry.find(idNo).orElseThrow();
    }

    // ---- what an ID card number says ----

    @Test
    void anIdCardHoldersGenderAndBirthDateFollowFromTheNumberWhenLeftOut() {
        Person person = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, "ID_CARD", "13812345678", null, null));

        assertEquals(Gender.F, person.gender());
        assertEquals(LocalDate.of(1949, 12, 31), person.birthDate());
        assertEquals(person, stored(ZHANG_ID));
    }

    @Test
    void aValidIdCardNumberWithoutAnIdTypeIsTakenForAnIdCard() {
        Person person = bed.service.upsertPerson(LI_ID, new PersonFeed("李四", null, null, null, "13912345678", null, null));

        assertEquals(IdType.ID_CARD, person.idType());
        assertEquals(Gender.M, person.gender());
        assertEquals(LocalDate.of(1990, 1, 1), person.birthDate());
    }

    @Test
    void gender17thDigitAndBirthDateThatAgreeWithTheNumberAreAccepted() {
        Person person = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", "F", "1949-12-31", "ID_CARD", "13812345678", null, null));

        assertEquals(Gender.F, person.gender());
        assertEquals(LocalDate.of(1949, 12, 31), person.birthDate());
    }

    @Test
    void aGenderThatContradictsTheIdCardIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", "M", null, "ID_CARD", "13812345678", null, null)));

        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, problem.kind());
        assertEquals(List.of("GENDER_MISMATCH"), codes(problem));
        assertEquals("gender", problem.violations().getFirst().field());
        assertTrue(bed.registry.find(ZHANG_ID).isEmpty());
    }

    @Test
    void aBirthDateThatContradictsTheIdCardIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, "1949-12-30", null, "13812345678", null, null)));

        assertEquals(List.of("BIRTH_DATE_MISMATCH"), codes(problem));
        assertTrue(bed.registry.find(ZHANG_ID).isEmpty());
    }

    @Test
    void aLaterFeedCannotContradictTheIdCardOfAStoredPerson() {
        bed.registerZhang();

        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed(null, "M", null, null, null, null, null)));

        assertEquals(List.of("GENDER_MISMATCH"), codes(problem));
        assertEquals(Gender.F, stored(ZHANG_ID).gender());
    }

    @Test
    void aLowercaseCheckCharacterIsStoredUppercase() {
        bed.service.upsertPerson(ZHANG_ID.toLowerCase(), new PersonFeed("张三", null, null, null, "13812345678", null, null));

        assertEquals(ZHANG_ID, stored(ZHANG_ID).idNo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "11010519491331002X", "1101051949123100"})
    void anIdCardNumberThatFailsItsChecksIsRefused(String idNo) {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(idNo,
                new PersonFeed("张三", "F", "1949-12-31", "ID_CARD", "13812345678", null, null)));

        assertEquals("INVALID_ID_NUMBER", codeOf(problem, "idNo"));
        assertTrue(bed.registry.find(idNo).isEmpty());
    }

    // ---- other documents ----

    @Test
    void aPassportHolderIsStoredWithTheGenderAndBirthDateSent() {
        Person person = bed.service.upsertPerson("E12345678",
                new PersonFeed("John Smith", "M", "1980-05-06", "PASSPORT", "13712345678", null, null));

        assertEquals(IdType.PASSPORT, person.idType());
        assertEquals(Gender.M, person.gender());
        assertEquals(LocalDate.of(1980, 5, 6), person.birthDate());
    }

    @Test
    void aPassportHolderMustSendGenderAndBirthDateSinceNothingDerivesThem() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson("E12345678",
                new PersonFeed("John Smith", null, null, "PASSPORT", "13712345678", null, null)));

        assertEquals("REQUIRED", codeOf(problem, "gender"));
        assertEquals("REQUIRED", codeOf(problem, "birthDate"));
    }

    @Test
    void aBirthDateAfterTodayIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson("E12345678",
                new PersonFeed("John Smith", "M", "2026-11-28", "PASSPORT", "13712345678", null, null)));

        assertEquals("INVALID_DATE", codeOf(problem, "birthDate"));
    }

    @Test
    void anUnknownIdTypeIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, "DRIVING_LICENCE", "13812345678", null, null)));

        assertEquals("INVALID_VALUE", codeOf(problem, "idType"));
    }

    @Test
    void aNewPersonWithoutNameOrMobileIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed(null, null, null, null, null, null, null)));

        assertEquals("REQUIRED", codeOf(problem, "name"));
        assertEquals("REQUIRED", codeOf(problem, "mobile"));
        assertTrue(bed.registry.find(ZHANG_ID).isEmpty());
    }

    // ---- mobile ----

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "021-12345678", "1381234567a"})
    void anInvalidMobileIsRefused(String mobile) {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, mobile, null, null)));

        assertEquals(List.of("INVALID_MOBILE"), codes(problem));
        assertEquals("mobile", problem.violations().getFirst().field());
        assertTrue(bed.registry.find(ZHANG_ID).isEmpty());
    }

    @Test
    void anInvalidMobileDoesNotReplaceTheStoredOne() {
        bed.registerZhang();

        refused(() -> bed.service.upsertPerson(ZHANG_ID, mobileOnly("1381234")));

        assertEquals("13812345678", stored(ZHANG_ID).mobile());
    }

    // ---- partial upserts ----

    @Test
    void aPartialUpsertKeepsEveryFieldLeftOut() {
        byte[] photo = jpeg(2_000);
        byte[] signature = png(1_000);
        Person first = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", "F", "1949-12-31", "ID_CARD", "13812345678", base64(photo), base64(signature)));

        Person second = bed.service.upsertPerson(ZHANG_ID, mobileOnly("13900001111"));

        assertEquals("13900001111", second.mobile());
        assertEquals("张三", second.name());
        assertEquals(Gender.F, second.gender());
        assertEquals(LocalDate.of(1949, 12, 31), second.birthDate());
        assertEquals(IdType.ID_CARD, second.idType());
        assertEquals(first.photoKey(), second.photoKey());
        assertEquals(first.signatureImageKey(), second.signatureImageKey());
        assertEquals(second, stored(ZHANG_ID));
    }

    @Test
    void aBlankNameIsTreatedAsLeftOut() {
        bed.registerZhang();

        Person person = bed.service.upsertPerson(ZHANG_ID, new PersonFeed("  ", null, null, null, null, null, null));

        assertEquals("张三", person.name());
    }

    @Test
    void aNameIsStoredTrimmed() {
        Person person = bed.service.upsertPerson(ZHANG_ID, new PersonFeed("  张三 ", null, null, null, "13812345678", null, null));

        assertEquals("张三", person.name());
    }

    @Test
    void theUpsertIsStampedWithTheClock() {
        assertEquals(NOW, bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", null, null)).updatedAt());
    }

    @Test
    void theSameFeedTwiceStoresTheSameRecord() {
        PersonFeed feed = new PersonFeed("张三", null, null, null, "13812345678", base64(jpeg(500)), null);

        Person first = bed.service.upsertPerson(ZHANG_ID, feed);
        Person second = bed.service.upsertPerson(ZHANG_ID, feed);

        assertEquals(first, second);
        assertEquals(1, bed.registry.documentCount());
    }

    // ---- photo ----

    @Test
    void aJpegPhotoIsStoredUnderAKeyDerivedFromItsContent() {
        byte[] photo = jpeg(3_000);

        Person person = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", base64(photo), null));

        assertEquals(contentKey("photos", photo, "jpg"), person.photoKey());
        assertArrayEquals(photo, bed.registry.get(person.photoKey()).orElseThrow());
    }

    @Test
    void aPngPhotoIsStoredUnderAKeyDerivedFromItsContent() {
        byte[] photo = png(3_000);

        Person person = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", base64(photo), null));

        assertEquals(contentKey("photos", photo, "png"), person.photoKey());
        assertArrayEquals(photo, bed.registry.get(person.photoKey()).orElseThrow());
    }

    @Test
    void aPhotoSentAsADataUrlIsAccepted() {
        byte[] photo = png(1_000);

        Person person = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", "data:image/png;base64," + base64(photo), null));

        assertArrayEquals(photo, bed.registry.get(person.photoKey()).orElseThrow());
    }

    @Test
    void aNewPhotoGetsANewKeyAndTheOldOneStaysReadable() {
        byte[] oldPhoto = jpeg(1_000);
        byte[] newPhoto = jpeg(1_001);
        String oldKey = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", base64(oldPhoto), null)).photoKey();

        String newKey = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed(null, null, null, null, null, base64(newPhoto), null)).photoKey();

        assertNotEquals(oldKey, newKey);
        assertArrayEquals(oldPhoto, bed.registry.get(oldKey).orElseThrow());
        assertArrayEquals(newPhoto, bed.registry.get(newKey).orElseThrow());
    }

    @Test
    void aPhotoOfExactly50KiBIsAccepted() {
        Person person = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", base64(jpeg(50 * 1024)), null));

        assertTrue(bed.registry.get(person.photoKey()).isPresent());
    }

    @Test
    void aPhotoOverFiftyKiBIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", base64(jpeg(50 * 1024 + 1)), null)));

        assertEquals(List.of("IMAGE_TOO_LARGE"), codes(problem));
        assertEquals("photo", problem.violations().getFirst().field());
        assertTrue(bed.registry.find(ZHANG_ID).isEmpty());
        assertEquals(0, bed.registry.documentCount());
    }

    @Test
    void aPhotoThatIsNeitherJpegNorPngIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", base64(gif(2_000)), null)));

        assertEquals(List.of("IMAGE_INVALID"), codes(problem));
        assertEquals(0, bed.registry.documentCount());
    }

    @Test
    void aPhotoThatIsNotBase64IsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", "not*base64!", null)));

        assertEquals("IMAGE_INVALID", codeOf(problem, "photo"));
    }

    @Test
    void aRefusedPhotoLeavesTheStoredPhotoInPlace() {
        byte[] photo = jpeg(1_000);
        String key = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", base64(photo), null)).photoKey();

        refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed(null, null, null, null, null, base64(gif(1_000)), null)));

        assertEquals(key, stored(ZHANG_ID).photoKey());
        assertEquals(1, bed.registry.documentCount());
    }

    // ---- signature image ----

    @Test
    void aPngSignatureImageIsStoredUnderAKeyDerivedFromItsContent() {
        byte[] signature = png(20 * 1024);

        Person person = bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", null, base64(signature)));

        assertEquals(contentKey("signatures", signature, "png"), person.signatureImageKey());
        assertArrayEquals(signature, bed.registry.get(person.signatureImageKey()).orElseThrow());
        assertNull(person.photoKey());
    }

    @Test
    void aJpegSignatureImageIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", null, base64(jpeg(1_000)))));

        assertEquals(List.of("IMAGE_INVALID"), codes(problem));
        assertEquals("signatureImage", problem.violations().getFirst().field());
    }

    @Test
    void aSignatureImageOverTwentyKiBIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "13812345678", null, base64(png(20 * 1024 + 1)))));

        assertEquals(List.of("IMAGE_TOO_LARGE"), codes(problem));
        assertEquals("signatureImage", problem.violations().getFirst().field());
    }

    // ---- everything at once ----

    @Test
    void everyViolationIsReportedTogetherAndNothingIsStored() {
        DomainProblem problem = refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", "M", "1950-01-01", "ID_CARD", "12345", base64(jpeg(60 * 1024)), base64(jpeg(100)))));

        assertEquals(List.of("GENDER_MISMATCH", "BIRTH_DATE_MISMATCH", "INVALID_MOBILE", "IMAGE_TOO_LARGE", "IMAGE_INVALID"),
                codes(problem));
        assertEquals(List.of("gender", "birthDate", "mobile", "photo", "signatureImage"),
                problem.violations().stream().map(v -> v.field()).toList());
        assertTrue(problem.violations().stream().allMatch(v -> v.message() != null && !v.message().isBlank()));
        assertTrue(bed.registry.find(ZHANG_ID).isEmpty());
        assertEquals(0, bed.registry.documentCount());
    }

    @Test
    void aValidPhotoIsNotStoredWhenAnotherFieldIsRefused() {
        refused(() -> bed.service.upsertPerson(ZHANG_ID,
                new PersonFeed("张三", null, null, null, "12345", base64(jpeg(1_000)), base64(png(1_000)))));

        assertEquals(0, bed.registry.documentCount());
        assertFalse(bed.registry.find(ZHANG_ID).isPresent());
    }
}
