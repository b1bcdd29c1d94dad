package anguan.domain.enterprise;

import java.time.Instant;

/**
 * An enterprise registry entry (企业信息). Every enterprise here is a Shanghai enterprise. The
 * signing password's hash guards the platform-held signing key (local CA only); it never leaves
 * the back end.
 *
 * @param contactMobile the 联系人手机 that the enterprise's notifications (SMS) go to; null when none is registered
 */
public record Enterprise(String uscc, String name, String contactMobile, String signingPasswordHash, Instant updatedAt) {
}
