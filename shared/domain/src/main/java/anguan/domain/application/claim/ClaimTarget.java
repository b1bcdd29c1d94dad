package anguan.domain.application.claim;

import anguan.domain.application.Application;
import anguan.domain.certificate.Category;
import anguan.domain.certificate.Certificate;
import anguan.domain.certificate.CertificateNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 同一证书: what an application is for, in the sense of DOMAIN.md's "no other application of the
 * same person for the same certificate": a new certificate of a category (考核发证 and 进沪换证, both
 * ways round), the out-of-province number brought in (进沪换证), or each Shanghai certificate acted on
 * (the others). Two open applications of one person may never share a target.
 *
 * @param value the category code or the certificate number (full-width parentheses, as stored)
 */
public record ClaimTarget(Kind kind, String value) implements Comparable<ClaimTarget> {

    /** The sorts of target. */
    public enum Kind {
        /** a new certificate of this category (考核发证, 进沪换证) */
        CATEGORY,
        /** the out-of-province certificate brought in (进沪换证) */
        ORIGINAL,
        /** a Shanghai certificate acted on (证书延期, 省内变更受聘企业, 离沪变更, 证书注销) */
        CERTIFICATE
    }

    public ClaimTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static ClaimTarget category(Category category) {
        return new ClaimTarget(Kind.CATEGORY, category.code());
    }

    public static ClaimTarget original(String certificateNo) {
        return new ClaimTarget(Kind.ORIGINAL, CertificateNumber.normalize(certificateNo));
    }

    public static ClaimTarget certificate(String certificateNo) {
        return new ClaimTarget(Kind.CERTIFICATE, CertificateNumber.normalize(certificateNo));
    }

    /** {@code KIND#value}, the text adapters store it under. */
    public String key() {
        return kind.name() + "#" + value;
    }

    public static ClaimTarget ofKey(String key) {
        int separator = key.indexOf('#');
        if (separator < 0) {
            throw new IllegalArgumentException("not a claim target: " + key);
        }
        return new ClaimTarget(Kind.valueOf(key.substring(0, separator)), key.substring(separator + 1));
    }

    /**
     * Every target of the application, in one fixed order (by key), so that two submits that need
     * the same targets always reach for them in the same order.
     */
    public static List<ClaimTarget> of(Application application) {
        List<ClaimTarget> targets = new ArrayList<>();
        switch (application.type()) {
            case FIRST_ISSUE, TRANSFER_IN -> {
                Category category = newCertificateCategory(application);
                if (category != null) {
                    targets.add(category(category));
                }
                if (application.originalCertificateNo() != null && !application.originalCertificateNo().isBlank()) {
                    targets.add(original(application.originalCertificateNo()));
                }
            }
            case RENEWAL, EMPLOYER_CHANGE, TRANSFER_OUT, CANCELLATION -> application.certificates().stream()
                    .map(Certificate::certificateNo).filter(Objects::nonNull).map(ClaimTarget::certificate)
                    .forEach(targets::add);
        }
        return targets.stream().distinct().sorted().toList();
    }

    /** The category picked (考核发证), or the national record's (进沪换证) where the service has not copied it yet. */
    private static Category newCertificateCategory(Application application) {
        if (application.category() != null) {
            return application.category();
        }
        return application.originalCertificate() == null ? null : application.originalCertificate().category();
    }

    @Override
    public int compareTo(ClaimTarget other) {
        return key().compareTo(other.key());
    }
}
