package anguan.domain.notification;

import anguan.domain.application.Application;
import anguan.domain.application.DecisionResult;
import anguan.domain.common.Masking;
import anguan.domain.signing.SmsChallenge;
import java.time.Instant;

/**
 * The SMS texts of DOMAIN.md's Notifications, in Chinese. None carries an ID number; only the
 * signing code SMS carries a code. Each notice's id names the event, so retries make the same notice.
 */
public final class NoticeTexts {
    private static final String SIGNATURE = "【安管人员考核发证】";

    private NoticeTexts() {
    }

    /** The personal signature's code, naming the file being signed. */
    public static Notice smsCode(SmsChallenge challenge, String code) {
        return new Notice("sms-code:" + challenge.applicationNo() + ":" + challenge.salt(), challenge.mobile(),
                SIGNATURE + "您正在签署《" + challenge.fileName() + "》，验证码" + code + "，30分钟内有效。如非本人操作，请忽略本短信，切勿将验证码告知他人。",
                challenge.applicationNo(), Notice.Requires.NOTHING, challenge.sentAt());
    }

    /** Tells the enterprise that an application waits for its signature (申请事项企业确认). */
    public static Notice awaitingEnterprise(Application signed, String enterpriseMobile, Instant at) {
        return new Notice("personally-signed:" + signed.applicationNo(), enterpriseMobile,
                SIGNATURE + signed.applicant().name() + "的" + signed.type().displayName() + "申请（" + signed.applicationNo()
                        + "）已完成个人签名，等待贵单位确认并签章，请登录系统在“申请事项企业确认”中办理。",
                signed.applicationNo(), Notice.Requires.PERSONALLY_SIGNED, at);
    }

    /** Tells the person that the enterprise has signed and the authority has accepted (受理). */
    public static Notice accepted(Application accepted, String personMobile, Instant at) {
        String enterprise = accepted.enterprise() == null || accepted.enterprise().name() == null ? "聘用企业" : accepted.enterprise().name();
        return new Notice("enterprise-signed:" + accepted.applicationNo(), personMobile,
                SIGNATURE + "您的" + accepted.type().displayName() + "申请（" + accepted.applicationNo() + "）已由" + enterprise
                        + "签章上报，审批机关已受理，将自受理之日起20个工作日内办结。可登录系统查看办理进度和受理通知书。",
                accepted.applicationNo(), Notice.Requires.ENTERPRISE_SIGNED, at);
    }

    /** Tells the person that the e-certificate of a new certificate (考核发证, 进沪换证) is ready. */
    public static Notice certificateReady(Application approved, String certificateNo, String personMobile, Instant at) {
        return new Notice("certificate-ready:" + approved.applicationNo() + ":" + certificateNo, personMobile,
                SIGNATURE + "您的" + approved.type().displayName() + "申请（" + approved.applicationNo() + "）已准予许可，证书编号"
                        + certificateNo + "，电子证书已生成，可登录系统在“我的证书”中查看和下载。",
                approved.applicationNo(), Notice.Requires.APPROVED, at);
    }

    /** Tells the person that a certificate's e-certificate has been re-issued (证书延期, 省内变更受聘企业). */
    public static Notice certificateReissued(Application approved, String certificateNo, String personMobile, Instant at) {
        return new Notice("certificate-reissued:" + approved.applicationNo() + ":" + certificateNo, personMobile,
                SIGNATURE + "您的" + approved.type().displayName() + "申请（" + approved.applicationNo() + "）已准予许可，证书"
                        + certificateNo + "的电子证书已重新签发，原电子证书不再使用，请登录系统在“我的证书”中下载。",
                approved.applicationNo(), Notice.Requires.APPROVED, at);
    }

    /** Tells the person the authority's decision (准予许可, or 不予许可 with its opinion). */
    public static Notice decidedForPerson(Application decided, String personMobile, Instant at) {
        return new Notice(decidedId(decided, "person"), personMobile,
                SIGNATURE + "您的" + decided.type().displayName() + "申请（" + decided.applicationNo() + "）已审批：" + outcome(decided)
                        + (approved(decided) ? "电子证书生成后将另行通知。" : "可登录系统查看详情。"),
                decided.applicationNo(), requires(decided), at);
    }

    /** Tells the enterprise the decision on an application it signed. */
    public static Notice decidedForEnterprise(Application decided, String enterpriseMobile, Instant at) {
        return new Notice(decidedId(decided, "enterprise"), enterpriseMobile,
                SIGNATURE + "贵单位" + decided.applicant().name() + "的" + decided.type().displayName() + "申请（" + decided.applicationNo()
                        + "）已审批：" + outcome(decided) + "可登录系统在“申请事项查询”中查看。",
                decided.applicationNo(), requires(decided), at);
    }

    /** Names the outcome too: of two decisions at once the winner's notice never shares an id with the loser's. */
    private static String decidedId(Application decided, String party) {
        return "decided:" + decided.applicationNo() + ":" + decided.decision().result() + ":" + party;
    }

    private static Notice.Requires requires(Application decided) {
        return approved(decided) ? Notice.Requires.APPROVED : Notice.Requires.REJECTED;
    }

    private static boolean approved(Application decided) {
        return decided.decision().result() == DecisionResult.Outcome.APPROVE;
    }

    /** 准予许可。 or 不予许可，审批意见：…。 — the opinion with anything shaped like an ID number or a mobile masked. */
    private static String outcome(Application decided) {
        if (approved(decided)) {
            return "准予许可。";
        }
        String opinion = decided.decision().opinion();
        return "不予许可" + (opinion == null ? "。" : "，审批意见：" + Masking.echoed(opinion) + "。");
    }
}
