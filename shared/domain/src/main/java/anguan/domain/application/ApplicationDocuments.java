package anguan.domain.application;

import anguan.domain.common.DocumentStore;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Masking;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * 下载: the files of one application a party may download (API.md, {@code …/documents/{kind}}): the
 * 申请表 as it stands (unsigned after 签名上报, with the person's signature after 个人签名), the
 * 申请表 with both signatures ({@code _sign.pdf}), the 行政审批受理通知书, and the photo shown and
 * printed, for the two parties {@link Parties} lets see the application (its applicant; the
 * enterprise once the person signed); to anyone else it does not exist (404). A kind that does not
 * exist, or a file that does not exist yet, is a 404 too: there is nothing to download either way.
 */
public final class ApplicationDocuments {
    /**
     * How long a download link works: long enough for a browser to follow it at once, short enough
     * that a link copied into a chat or a log is soon useless.
     */
    public static final Duration LINK_VALID_FOR = Duration.ofMinutes(5);

    /** The kinds a client may ask for, with what the person calls each file. */
    public enum Kind {
        /** 申请表: the submitted form, with the person's signature once they signed. */
        FORM("form", "申请表"),
        /** 签章后的申请表: both signatures. */
        SIGNED_FORM("signed-form", "企业签章后的申请表"),
        /** 行政审批受理通知书. */
        ACCEPTANCE_NOTICE("acceptance-notice", "受理通知书"),
        /** 照片: the registry's for FIRST_ISSUE and TRANSFER_IN, the certificate's otherwise. */
        PHOTO("photo", "照片");

        private final String code;
        private final String displayName;

        Kind(String code, String displayName) {
            this.code = code;
            this.displayName = displayName;
        }

        public String code() {
            return code;
        }

        public String displayName() {
            return displayName;
        }

        /** The kind a path names; an unknown one is a 404 (no such document), with the kinds there are. */
        public static Kind of(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> DomainProblem.notFound("未知的文件类型：" + Masking.echoed(code) + "（可选："
                            + String.join("、", Arrays.stream(values()).map(Kind::code).toList()) + "）"));
        }
    }

    /** What a download answers: the file's name and a link that stops working at {@code expiresAt}. */
    public record Download(String fileName, String url, Instant expiresAt) {
    }

    private final ApplicationRepository applications;
    private final DocumentStore documents;

    public ApplicationDocuments(ApplicationRepository applications, DocumentStore documents) {
        this.applications = applications;
        this.documents = documents;
    }

    /** GET /applications/{no}/documents/{kind}: the applicant's own. */
    public Download forApplicant(String idNo, String applicationNo, String kind) {
        return link(documents, Parties.applicantsOwn(applications, idNo, applicationNo), kind);
    }

    /** GET /enterprise/applications/{no}/documents/{kind}: an application filed with this enterprise. */
    public Download forEnterprise(String uscc, String applicationNo, String kind) {
        return link(documents, Parties.enterprises(applications, uscc, applicationNo), kind);
    }

    /**
     * GET /review/applications/{no}/documents/{kind}: reviewers see every application the enterprise
     * has signed (UNDER_REVIEW or decided); a draft or one waiting for the enterprise is a 404.
     */
    public Download forReviewer(String applicationNo, String kind) {
        Application application = (ApplicationNumber.isValid(applicationNo) ? applications.find(applicationNo) : Optional.<Application>empty())
                .filter(a -> !a.isDeleted() && (a.status() == ApplicationStatus.UNDER_REVIEW || a.status().isDecided()))
                .orElseThrow(() -> DomainProblem.notFound("未找到申请：" + Masking.echoed(applicationNo)));
        return link(documents, application, kind);
    }

    /**
     * The document of that kind, or a 404 naming what is missing. The photo is not one of the
     * application's documents but its {@link Application#photoKey()}, named after the application.
     */
    public static DocumentRef find(Application application, String kind) {
        Kind k = Kind.of(kind);
        Optional<DocumentRef> found = k == Kind.PHOTO ? photo(application)
                : application.documents().stream().filter(d -> d.kind().equals(k.code())).findFirst();
        return found.orElseThrow(() -> DomainProblem.notFound("申请" + application.applicationNo() + "暂无" + k.displayName()
                + (k == Kind.PHOTO ? "" : "（" + whenThere(k) + "）")));
    }

    /** A short-lived link to the document of that kind ({@link #LINK_VALID_FOR}). */
    public static Download link(DocumentStore documents, Application application, String kind) {
        DocumentRef ref = find(application, kind);
        DocumentStore.DownloadLink link = documents.link(ref.key(), ref.fileName(), LINK_VALID_FOR);
        return new Download(ref.fileName(), link.url(), link.expiresAt());
    }

    private static Optional<DocumentRef> photo(Application application) {
        String key = application.photoKey();
        if (key == null) {
            return Optional.empty();
        }
        int dot = key.lastIndexOf('.');
        String extension = dot > key.lastIndexOf('/') && dot >= 0 ? key.substring(dot) : "";
        return Optional.of(new DocumentRef(Kind.PHOTO.code(), "照片_" + application.applicationNo() + extension, key));
    }

    private static String whenThere(Kind kind) {
        return switch (kind) {
            case FORM -> "签名上报后生成";
            case SIGNED_FORM, ACCEPTANCE_NOTICE -> "企业签章后生成";
            case PHOTO -> "";
        };
    }
}
