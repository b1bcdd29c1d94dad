package anguan.domain.application.check;

import anguan.domain.application.ApplicationType;
import anguan.domain.common.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of 签名上报 for each of the six applications, in the order a user reads the form:
 * the common ones first, then those of the type (DOMAIN.md, "The six applications").
 */
public final class SubmitChecks {
    private SubmitChecks() {
    }

    public static List<SubmitCheck> forType(ApplicationType type) {
        List<SubmitCheck> checks = new ArrayList<>();
        checks.add(new PersonRegistered());
        if (type.needsEmployment()) {
            checks.add(new EmploymentRegistered());
        }
        checks.add(new EnterprisePhoneValid());
        checks.add(new ConsentGiven());
        if (type.picksPosition()) {
            checks.add(new PositionFitsCategory());
        }
        checks.add(new NoOtherApplicationInProgress());
        checks.addAll(switch (type) {
            case FIRST_ISSUE -> List.of(new InitialExamWithinTwelveMonths(), new CategoryNotAlreadyHeld(),
                    new NoValidCertificateAtOtherEnterprise());
            case RENEWAL -> List.of(new CertificateHeldAndValid(), new RenewalWindowOpen(),
                    new ContinuingEducationWithinValidity());
            case EMPLOYER_CHANGE -> List.of(new SomethingToMove());
            case TRANSFER_IN -> List.of(new ExternalCertificateTransferable(), new CategoryNotAlreadyHeld(),
                    new NoValidCertificateAtOtherEnterprise());
            case TRANSFER_OUT -> List.of(new CertificateHeldAndValid());
            case CANCELLATION -> List.of(new CertificateHeldAndValid(), new CancelReasonGiven());
        });
        return List.copyOf(checks);
    }

    /**
     * Checks that warn without blocking. The registry photo (PHOTO_MISSING) is one: the contract's
     * own happy path (shared/tools/contract_smoke.py) files a 考核发证 for a person registered
     * without a photo and expects 签名上报 to succeed, so a missing photo is reported beside the
     * submitted application and the documents print an empty photo frame until the registry has one.
     */
    public static List<SubmitCheck> advisoriesFor(ApplicationType type) {
        return type.picksPosition() ? List.of(new RegistryPhotoPresent()) : List.of();
    }

    /** The warnings of {@link #advisoriesFor}: shown to the user, never refusing the submission. */
    public static List<Violation> warnings(SubmitContext context) {
        return advisoriesFor(context.application().type()).stream()
                .flatMap(check -> check.check(context).stream())
                .toList();
    }

    /** Every violation of every check that applies, all together, so the user can fix them at once. */
    public static List<Violation> run(SubmitContext context) {
        return forType(context.application().type()).stream()
                .flatMap(check -> check.check(context).stream())
                .toList();
    }
}
