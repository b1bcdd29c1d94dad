package anguan.domain.application;

import java.time.Instant;

/**
 * One line of an application's audit trail, in the past tense.
 *
 * @param actor who did it: an ID number, a USCC or a reviewer's id (masked when shown)
 */
public record ApplicationEvent(String applicationNo, Instant at, String actorRole, String actor, Action action) {

    /** What happened. */
    public enum Action {
        CREATED("创建申请"),
        SAVED("保存申请"),
        SUBMITTED("签名上报"),
        DELETED("删除申请"),
        SMS_SENT("发送短信验证码"),
        /** A wrong SMS code was entered (the code itself is never recorded). */
        SMS_CODE_WRONG("短信验证码错误"),
        PERSONAL_SIGNED("个人签名"),
        /** A wrong 签章密码 was entered (never recorded). */
        SIGNING_PASSWORD_WRONG("签章密码错误"),
        /** A hardware token's signature was refused (wrong digest, certificate or enterprise). */
        SIGNATURE_REFUSED("企业签章未通过验证"),
        ENTERPRISE_SIGNED("企业签章"),
        DECIDED("审批决定"),
        /** The approval's effect applied by the issuance: a new or re-issued e-certificate (考核发证, 延期, 变更, 进沪换证). */
        CERTIFICATE_ISSUED("证书发放"),
        /** 离沪变更 applied: the certificate is transferred out of Shanghai. */
        CERTIFICATE_TRANSFERRED_OUT("证书转出"),
        /** 证书注销 applied: the certificate is cancelled. */
        CERTIFICATE_CANCELLED("证书注销");

        private final String displayName;

        Action(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }
}
