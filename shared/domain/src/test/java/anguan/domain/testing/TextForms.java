package anguan.domain.testing;

import anguan.domain.application.Application;
import anguan.domain.application.FormRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The 申请表 as a few lines of text, for service tests that need no PDF library: what it names (title,
 * version, applicant, photo size) is what the tests read back. Deterministic for one
 * application version, as the PDF is but for its 表格生成时间.
 */
public final class TextForms implements FormRenderer {
    @Override
    public RenderedForm render(Application application, byte[] photo, Instant generatedAt) {
        // Not the application number: a retried create may take a later one, and the bytes would differ for that alone.
        String text = String.join("\n", application.type().formTitle(),
                "v" + application.version(), application.applicant().name(), application.applicantIdNo(),
                "photo " + (photo == null ? 0 : photo.length));
        return new RenderedForm(application.type().formFileName(generatedAt), text.getBytes(StandardCharsets.UTF_8));
    }
}
