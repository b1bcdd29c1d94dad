package anguan.domain.application;

import anguan.domain.common.Coded;

/** 申请事项: the six applications a person files. */
public enum ApplicationType implements Coded {
    /** 考核发证 */
    FIRST_ISSUE("考核发证", "考核发证申请表", "安管人员考核发证申请表", EnterpriseSource.EMPLOYMENT),
    /** 证书延期 */
    RENEWAL("证书延期", "证书延期申请表", "安管人员证书延期申请表", EnterpriseSource.CERTIFICATE),
    /** 省内变更受聘企业 */
    EMPLOYER_CHANGE("省内变更受聘企业", "受聘企业变更申请表", "安管人员证书省内变更受聘企业申请表", EnterpriseSource.EMPLOYMENT),
    /** 进沪换证 */
    TRANSFER_IN("进沪换证", "进沪换证申请表", "安管人员进沪换证申请表", EnterpriseSource.EMPLOYMENT),
    /** 离沪变更 */
    TRANSFER_OUT("离沪变更", "离沪变更申请表", "安管人员离沪变更申请表", EnterpriseSource.CERTIFICATE),
    /** 证书注销 */
    CANCELLATION("证书注销", "证书注销申请表", "安管人员证书注销申请表", EnterpriseSource.CERTIFICATE);

    /** Where the application's enterprise comes from (DOMAIN.md, "Which enterprise"). */
    public enum EnterpriseSource {
        /** the person's current employment (the request may name one) */
        EMPLOYMENT,
        /** the enterprise printed on the certificate acted on */
        CERTIFICATE
    }

    private final String displayName;
    private static final java.time.format.DateTimeFormatter FILE_STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(anguan.domain.common.BusinessTime.ZONE);

    private final String filePrefix;
    private final String formTitle;
    private final EnterpriseSource enterpriseSource;

    ApplicationType(String displayName, String filePrefix, String formTitle, EnterpriseSource enterpriseSource) {
        this.displayName = displayName;
        this.filePrefix = filePrefix;
        this.formTitle = formTitle;
        this.enterpriseSource = enterpriseSource;
    }

    @Override public String code() { return name(); }

    @Override public String displayName() { return displayName; }

    /** Prefix of the form's file name: {@code <prefix>_<yyyyMMddHHmmss>.pdf}. */
    public String filePrefix() { return filePrefix; }

    /** The form's file name for a form made at {@code generatedAt}: {@code <prefix>_<yyyyMMddHHmmss>.pdf}, Shanghai time. */
    public String formFileName(java.time.Instant generatedAt) {
        return filePrefix + "_" + FILE_STAMP.format(generatedAt) + ".pdf";
    }

    public String formTitle() { return formTitle; }

    public EnterpriseSource enterpriseSource() { return enterpriseSource; }

    /** The person picks one of their own Shanghai certificates. */
    public boolean actsOnOneCertificate() {
        return this == RENEWAL || this == TRANSFER_OUT || this == CANCELLATION;
    }

    /** The person picks a position (the others keep the certificate's). */
    public boolean picksPosition() {
        return this == FIRST_ISSUE || this == TRANSFER_IN;
    }

    /** The person must be employed by the application's enterprise. */
    public boolean needsEmployment() {
        return this == FIRST_ISSUE || this == RENEWAL || this == EMPLOYER_CHANGE || this == TRANSFER_IN;
    }
}
