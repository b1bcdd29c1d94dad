package anguan.domain.signing;

import anguan.domain.application.Application;
import java.time.Instant;

/**
 * Port: the 行政审批受理通知书 of an application the enterprise has signed: number, applicant,
 * enterprise, item, acceptance date, 自受理之日起20个工作日内, how to follow progress, the authority's
 * name, signed with the authority's key (the adapter is {@code anguan.pdf.notice}).
 */
public interface AcceptanceNoticeRenderer {
    RenderedNotice render(Application accepted, Instant acceptedAt);

    record RenderedNotice(String fileName, byte[] pdf) {
        @Override
        public String toString() {
            return "RenderedNotice[" + fileName + ", " + pdf.length + " bytes]";
        }
    }
}
