package anguan.domain.application.check;

import anguan.domain.common.Violation;

/**
 * The codes of the checks at 签名上报 (DOMAIN.md), each with a default Chinese message that tells
 * the user what to do. Checks that know more (a number, a date) pass their own message.
 */
public enum ViolationCode {
    /** 未登记从业人员信息 */
    PERSON_NOT_REGISTERED("未查询到您的从业人员信息登记，请先通过“随申办”完成个人信息登记后再申请"),
    /** 无聘用登记 */
    EMPLOYMENT_NOT_FOUND("未查询到您在聘用企业的有效聘用登记，请聘用企业在聘用管理系统中完成聘用登记后再申请"),
    /** 有多家聘用企业时须选择一家 */
    ENTERPRISE_REQUIRED("您当前有多家聘用企业，请选择本次申请的聘用企业"),
    /** 企业联系电话格式不正确 */
    ENTERPRISE_PHONE_INVALID("企业联系电话格式不正确，请填写11位手机号码或带区号的固定电话（如021-12345678）"),
    /** 未勾选申请人员意见 */
    CONSENT_REQUIRED("请仔细阅读并勾选“申请人员意见”后再签名上报"),
    /** 未选择证书类别 */
    CATEGORY_REQUIRED("请选择证书类别"),
    /** 未选择职务 */
    POSITION_REQUIRED("请选择职务"),
    /** 职务与证书类别不符 */
    POSITION_NOT_ALLOWED("所选职务不属于该证书类别允许的职务，请重新选择职务"),
    /** 已有办理中的申请 */
    APPLICATION_IN_PROGRESS("您已有正在办理中的同类申请，请待其办结或删除后再申请"),
    /** 无初证考试通过信息 */
    EXAM_NOT_PASSED("未查询到近12个月内该类别的初证考试通过信息，请通过考试后再申请"),
    /** 已持有同类别有效证书 */
    CATEGORY_ALREADY_HELD("您已持有该类别的有效证书，不能重复申领"),
    /** 在其他企业持有其他类别有效证书 */
    CERTIFICATE_AT_OTHER_ENTERPRISE("您在其他企业持有其他类别的有效证书（法定代表人A证除外），请先办理该证书的受聘企业变更或注销"),
    /** 无登记照片 */
    PHOTO_MISSING("从业人员信息登记中没有您的照片，请先通过“随申办”补充个人照片后再申请"),
    /** 证书不存在或不属于本人 */
    CERTIFICATE_NOT_FOUND("未查询到您名下的该证书，请重新选择证书"),
    /** 证书不是有效状态 */
    CERTIFICATE_NOT_VALID("该证书不是有效状态，不能办理此事项"),
    /** 不在延期办理期内 */
    RENEWAL_WINDOW_CLOSED("证书延期须在有效期截止前3个月内办理"),
    /** 无继续教育考试通过信息 */
    CONTINUING_EDUCATION_MISSING("未查询到本证书有效期内该类别的继续教育考试通过信息，请通过继续教育考试后再申请延期"),
    /** 无可变更的证书 */
    NOTHING_TO_MOVE("您没有登记在其他企业的有效证书，无需办理受聘企业变更"),
    /** 全国平台无此证书 */
    EXTERNAL_CERTIFICATE_NOT_FOUND("未在全国工程质量安全监管信息平台查询到您名下的该证书，请核对证书编号"),
    /** 原证书未办理转出 */
    EXTERNAL_NOT_TRANSFERRED_OUT("该证书尚未办理转出，请先向原发证机关申请办理转出后再申请进沪换证"),
    /** 本市证书无需换证 */
    EXTERNAL_IS_SHANGHAI("该证书为本市核发的证书，无需办理进沪换证"),
    /** 原证书已过有效期 */
    EXTERNAL_EXPIRED("该证书已超过有效期，不能办理进沪换证"),
    /** 原证书已换发本市证书 */
    EXTERNAL_ALREADY_EXCHANGED("该证书已办理过进沪换证，不能重复换证"),
    /** 未填写注销原因 */
    CANCEL_REASON_REQUIRED("请选择注销原因");

    private final String defaultMessage;

    ViolationCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    /** The code on the wire. */
    public String code() {
        return name();
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    public Violation violation(String field) {
        return new Violation(name(), field, defaultMessage);
    }

    public Violation violation(String field, String message) {
        return new Violation(name(), field, message);
    }
}
