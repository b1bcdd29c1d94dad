package anguan.aws.view;

import anguan.domain.application.ApplicationDocuments;
import anguan.domain.common.BusinessTime;
import java.time.OffsetDateTime;

/** A download (API.md): the file's name and a short-lived presigned URL, with when it stops working. */
public record DownloadView(String fileName, String url, OffsetDateTime expiresAt) {

    public static DownloadView of(ApplicationDocuments.Download d) {
        return new DownloadView(d.fileName(), d.url(), BusinessTime.local(d.expiresAt()));
    }
}
