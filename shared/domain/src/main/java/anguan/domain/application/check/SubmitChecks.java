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
                    new NoValidCertificateAtOtherEnterprise(), new RegistryPhotoPresent());
            case RENEWAL -> List.of(new CertificateHeldAndValid(), new RenewalWindowOpen(),
                    new ContinuingEducationWithinValidity());
            case EMPLOYER_CHANGE -> List.of(new SomethingToMove());
            case TRANSFER_IN -> List.of(new ExternalCertificateTransferable(), new RegistryPhotoPresent(),
                    new CategoryNotAlreadyHeld(), new NoValidCertificateAtOtherEnterprise());
            case TRANSFER_OUT -> List.of(new CertificateHeldAndValid());
            case CANCELLATION -> List.of(new CertificateHeldAndValid(), new CancelReasonGiven());
        });
        return List.copyOf(checks);
    }

    /** Every violation of every check that applies, all together, so the user can fix them at once. */
    public static List<Violation> run(SubmitContext context) {
        return forType(context.application().type()).stream()
                .flatMap(check -> check.check(context).stream())
                .toList();
    }
}
