package anguan.submit;

import anguan.domain.application.ApplicationEvent;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.Masking;
import java.time.OffsetDateTime;

/** One line of the audit trail as shown: the actor's identifier masked. */
record EventView(OffsetDateTime at, String actorRole, String actor, String action, String actionName) {

    static EventView of(ApplicationEvent e) {
        String actor = "person".equals(e.actorRole()) ? Masking.idNumber(e.actor()) : e.actor();
        return new EventView(BusinessTime.local(e.at()), e.actorRole(), actor,
                e.action().name(), e.action().displayName());
    }
}
