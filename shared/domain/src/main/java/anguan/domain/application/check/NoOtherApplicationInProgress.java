package anguan.domain.application.check;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationType;
import anguan.domain.application.claim.ClaimTarget;
import anguan.domain.common.Violation;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * 不得重复申请: no other application of the same person for the same certificate is open (neither
 * deleted nor decided). For the applications that create a certificate (考核发证, 进沪换证) "the same
 * certificate" means the same category, and for 进沪换证 also the same out-of-province number; for
 * the others, any certificate both applications act on ({@link ClaimTarget} says it once).
 *
 * <p>The person's applications come from an index that may be a moment behind, so two submits at
 * the same moment could both pass here; ApplicationClaims decides those races after the checks.
 * This check stays for what claims cannot see: an open draft that was never submitted.
 */
public final class NoOtherApplicationInProgress implements SubmitCheck {

    @Override
    public List<Violation> check(SubmitContext context) {
        Application self = context.application();
        List<ClaimTarget> targets = ClaimTarget.of(self);
        return context.otherApplications().stream()
                .filter(Application::isOpen)
                .filter(other -> !Objects.equals(other.applicationNo(), self.applicationNo()))
                .filter(other -> !Collections.disjoint(targets, ClaimTarget.of(other)))
                .map(other -> inProgress(self.type(), other))
                .toList();
    }

    /** APPLICATION_IN_PROGRESS, naming the open application that blocks, so the person can finish or delete it. */
    public static Violation inProgress(ApplicationType type, Application other) {
        return ViolationCode.APPLICATION_IN_PROGRESS.violation(field(type),
                "您已有正在办理中的%s申请（申请编号 %s），请待其办结或删除后再申请".formatted(
                        other.type().displayName(), other.applicationNo()));
    }

    private static String field(ApplicationType type) {
        return switch (type) {
            case FIRST_ISSUE -> "category";
            case TRANSFER_IN -> "originalCertificateNo";
            case EMPLOYER_CHANGE -> "certificates";
            case RENEWAL, TRANSFER_OUT, CANCELLATION -> "certificateNo";
        };
    }
}
