package anguan.domain.certificate;

import anguan.domain.common.Coded;

/** 证书状态 with the national status code. */
public enum CertificateStatus implements Coded {
    /** 有效 (the manual's list shows 正常) */ VALID("01", "有效"),
    /** 暂扣 */ SUSPENDED("02", "暂扣"),
    /** 撤销 */ REVOKED("03", "撤销"),
    /** 注销 */ CANCELLED("04", "注销"),
    /** 失效 */ EXPIRED("05", "失效"),
    /** 办理转出 */ TRANSFERRED_OUT("06", "办理转出");

    private final String nationalCode;
    private final String displayName;

    CertificateStatus(String nationalCode, String displayName) {
        this.nationalCode = nationalCode;
        this.displayName = displayName;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }

    /** The national code (01…06) shown as {@code statusCode}. */
    public String nationalCode() { return nationalCode; }

    /** A withdrawn certificate (注销, 转出) can no longer be downloaded. */
    public boolean isWithdrawn() {
        return this == CANCELLED || this == TRANSFERRED_OUT;
    }
}
