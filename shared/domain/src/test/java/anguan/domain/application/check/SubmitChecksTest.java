package anguan.domain.application.check;

import static anguan.domain.application.check.SubmitContextFixture.assertCodes;
import static anguan.domain.application.check.SubmitContextFixture.codes;
import static anguan.domain.application.check.SubmitContextFixture.exam;
import static anguan.domain.application.check.SubmitContextFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.application.ApplicationEnterprise;
import anguan.domain.application.ApplicationType;
import anguan.domain.certificate.Category;
import anguan.domain.person.ExamType;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubmitChecksTest {

    static Stream<Arguments> sound() {
        return Stream.of(
                Arguments.of(ApplicationType.FIRST_ISSUE, (Supplier<SubmitContextFixture>) SubmitContextFixture::firstIssue),
                Arguments.of(ApplicationType.RENEWAL, (Supplier<SubmitContextFixture>) SubmitContextFixture::renewal),
                Arguments.of(ApplicationType.EMPLOYER_CHANGE,
                        (Supplier<SubmitContextFixture>) SubmitContextFixture::employerChange),
                Arguments.of(ApplicationType.TRANSFER_IN, (Supplier<SubmitContextFixture>) SubmitContextFixture::transferIn),
                Arguments.of(ApplicationType.TRANSFER_OUT,
                        (Supplier<SubmitContextFixture>) SubmitContextFixture::transferOut),
                Arguments.of(ApplicationType.CANCELLATION,
                        (Supplier<SubmitContextFixture>) SubmitContextFixture::cancellation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sound")
    void aSoundApplicationOfEachTypePassesEveryCheck(ApplicationType type, Supplier<SubmitContextFixture> fixture) {
        SubmitContext context = fixture.get().build();
        assertEquals(type, context.application().type());
        assertCodes(SubmitChecks.run(context));
    }

    @Test
    void everyFailedCheckIsReportedTogetherInTheOrderOfTheForm() {
        var context = SubmitContextFixture.firstIssue()
                .person(person(false))
                .with(a -> a.consent(false)
                        .enterprise(new ApplicationEnterprise(SubmitContextFixture.USCC, "某企业", "12345")))
                .exams(exam(ExamType.INITIAL, Category.C3, LocalDate.of(2024, 1, 1), true))
                .build();
        assertCodes(SubmitChecks.run(context),
                "ENTERPRISE_PHONE_INVALID", "CONSENT_REQUIRED", "EXAM_NOT_PASSED", "PHOTO_MISSING");
    }

    @Test
    void aMissingRegistryPhotoRefusesAFirstIssueAndATransferIn() {
        assertCodes(SubmitChecks.run(SubmitContextFixture.firstIssue().person(person(false)).build()), "PHOTO_MISSING");
        assertCodes(SubmitChecks.run(SubmitContextFixture.transferIn().person(person(false)).build()), "PHOTO_MISSING");
    }

    @Test
    void theCertificatesPhotoIsPrintedSoTheOthersNeedNoRegistryPhoto() {
        assertCodes(SubmitChecks.run(SubmitContextFixture.renewal().person(person(false)).build()));
        assertCodes(SubmitChecks.run(SubmitContextFixture.employerChange().person(person(false)).build()));
        assertCodes(SubmitChecks.run(SubmitContextFixture.transferOut().person(person(false)).build()));
        assertCodes(SubmitChecks.run(SubmitContextFixture.cancellation().person(person(false)).build()));
    }

    @Test
    void anUnregisteredPersonWithoutEmploymentHearsBothAtOnce() {
        var context = SubmitContextFixture.transferIn().noPerson().employments().external(null).build();
        assertCodes(SubmitChecks.run(context),
                "PERSON_NOT_REGISTERED", "EMPLOYMENT_NOT_FOUND", "EXTERNAL_CERTIFICATE_NOT_FOUND");
    }

    @Test
    void renewalIsRefusedFourMonthsBeforeExpiry() {
        var violations = SubmitChecks.run(SubmitContextFixture.renewal().today(LocalDate.of(2026, 8, 30)).build());
        assertCodes(violations, "RENEWAL_WINDOW_CLOSED");
    }

    @Test
    void anExpiredCertificateCannotBeRenewedAndTheWindowIsNotMentioned() {
        var violations = SubmitChecks.run(SubmitContextFixture.renewal().today(LocalDate.of(2026, 12, 31)).build());
        assertTrue(codes(violations).contains("CERTIFICATE_NOT_VALID"), violations::toString);
        assertFalse(codes(violations).contains("RENEWAL_WINDOW_CLOSED"), violations::toString);
    }

    @Test
    void leavingShanghaiAndCancellingNeedNoEmployment() {
        assertCodes(SubmitChecks.run(SubmitContextFixture.transferOut().employments().build()));
        assertCodes(SubmitChecks.run(SubmitContextFixture.cancellation().employments().build()));
    }

    @Test
    void eachTypeRunsTheChecksOfItsRowInDomainMd() {
        assertEquals(List.of("PersonRegistered", "EmploymentRegistered", "EnterprisePhoneValid", "ConsentGiven",
                "PositionFitsCategory", "NoOtherApplicationInProgress", "InitialExamWithinTwelveMonths",
                "CategoryNotAlreadyHeld", "NoValidCertificateAtOtherEnterprise", "RegistryPhotoPresent"),
                names(ApplicationType.FIRST_ISSUE));
        assertEquals(List.of("PersonRegistered", "EmploymentRegistered", "EnterprisePhoneValid", "ConsentGiven",
                "NoOtherApplicationInProgress", "CertificateHeldAndValid", "RenewalWindowOpen",
                "ContinuingEducationWithinValidity"), names(ApplicationType.RENEWAL));
        assertEquals(List.of("PersonRegistered", "EmploymentRegistered", "EnterprisePhoneValid", "ConsentGiven",
                "NoOtherApplicationInProgress", "SomethingToMove"), names(ApplicationType.EMPLOYER_CHANGE));
        assertEquals(List.of("PersonRegistered", "EmploymentRegistered", "EnterprisePhoneValid", "ConsentGiven",
                "PositionFitsCategory", "NoOtherApplicationInProgress", "ExternalCertificateTransferable",
                "RegistryPhotoPresent", "CategoryNotAlreadyHeld", "NoValidCertificateAtOtherEnterprise"),
                names(ApplicationType.TRANSFER_IN));
        assertEquals(List.of("PersonRegistered", "EnterprisePhoneValid", "ConsentGiven",
                "NoOtherApplicationInProgress", "CertificateHeldAndValid"), names(ApplicationType.TRANSFER_OUT));
        assertEquals(List.of("PersonRegistered", "EnterprisePhoneValid", "ConsentGiven",
                "NoOtherApplicationInProgress", "CertificateHeldAndValid", "CancelReasonGiven"),
                names(ApplicationType.CANCELLATION));
    }

    private static List<String> names(ApplicationType type) {
        return SubmitChecks.forType(type).stream().map(c -> c.getClass().getSimpleName()).toList();
    }
}
