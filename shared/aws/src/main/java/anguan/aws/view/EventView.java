package anguan.aws.view;

import anguan.domain.application.ApplicationEvent;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.Masking;
import java.time.OffsetDateTime;

/**
 * One line of the audit trail as shown to the applicant, the enterprise and the reviewers alike:
 * the action with its Chinese name, the actor's identifier masked where it is a person's (a USCC
 * or a reviewer's id names no one private). Failed tries (a wrong SMS code, a wrong 签章密码, a
 * refused token signature) show as what happened, never with what was entered.
 */
public record EventView(OffsetDateTime at, String actorRole, String actor, String action, String actionName) {

    public static EventView of(ApplicationEvent e) {
        String actor = "person".equals(e.actorRole()) ? Masking.idNumber(e.actor()) : e.actor();
        return new EventView(BusinessTime.local(e.at()), e.actorRole(), actor,
                e.action().name(), e.action().displayName());
    }
}
