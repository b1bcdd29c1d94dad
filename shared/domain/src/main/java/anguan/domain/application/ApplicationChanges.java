package anguan.domain.application;

import anguan.domain.certificate.Position;

/**
 * A save (保存) of a draft: every field is optional and keeps its value when left out, except
 * {@code version}, the version the person's screen was showing.
 *
 * @param uscc which of the person's employers files the application (types whose enterprise comes from employment)
 */
public record ApplicationChanges(String enterprisePhone, Boolean consent, Position position, CancelReason cancelReason,
                                 String cancelReasonText, String uscc, Long version) {
}
