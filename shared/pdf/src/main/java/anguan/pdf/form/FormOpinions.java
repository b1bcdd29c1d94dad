package anguan.pdf.form;

import anguan.domain.application.Application;
import anguan.domain.application.ApplicationType;
import java.util.List;

/**
 * The two pledges printed on a form: 申请人意见 (the applicant's) and 聘用企业意见 (the employer's),
 * with the real names filled in and the item named right. The manual's screenshots carry two
 * copy-paste slips that are not repeated here (DOMAIN.md): the 离沪变更 form's enterprise opinion
 * names 进沪换证, and the 省内变更 form names 证书延期 and a continuing-education exam it does not need.
 */
final class FormOpinions {

    private FormOpinions() {
    }

    /** 申请人意见, one string a paragraph. */
    static List<String> applicant(Application application) {
        String name = application.applicant().name();
        String enterprise = application.enterprise().name();
        String checked = "本人已核对上述内容，对申请表内容及申报材料的真实性负责。";
        String noOtherCertificate = "本人无其他类别证书（法人A证除外）在其他企业（机构），";
        return switch (application.type()) {
            case FIRST_ISSUE -> List.of(
                    "本人" + name + "已按照相关法律规定，符合考试报名条件，并合法通过了安管人员初证考试，与"
                            + enterprise + "签订真实有效劳动聘用合同。",
                    noOtherCertificate + "同意该企业申领证书。",
                    checked);
            case RENEWAL -> List.of(
                    "本人" + name + "已按照相关法律规定，符合考试报名条件，并合法通过了安管人员继续教育考试，与"
                            + enterprise + "签订真实有效劳动聘用合同。",
                    noOtherCertificate + "同意该企业申请证书延期。",
                    checked);
            case EMPLOYER_CHANGE -> List.of(
                    "本人" + name + "已按照相关法律规定，与" + enterprise + "签订真实有效劳动聘用合同。",
                    noOtherCertificate + "同意该企业申请证书省内变更受聘企业。",
                    checked);
            case TRANSFER_IN -> List.of(
                    "本人" + name + "已按照相关法律规定，与" + enterprise + "签订真实有效劳动聘用合同。",
                    noOtherCertificate + "同意该企业申请进沪换证。",
                    checked);
            case TRANSFER_OUT, CANCELLATION -> List.of(
                    "本人" + name + "已核对上述内容，对申请表内容及申报材料的真实性负责。如有虚假，愿承担由此产生的一切法律责任。");
        };
    }

    /** 聘用企业意见, one string a paragraph. */
    static List<String> enterprise(Application application) {
        String name = application.applicant().name();
        ApplicationType type = application.type();
        return switch (type) {
            case FIRST_ISSUE, RENEWAL, EMPLOYER_CHANGE, TRANSFER_IN -> List.of(
                    application.enterprise().name() + "已按照相关法律规定，与" + name
                            + "签订真实有效劳动聘用合同，并确认其申报材料真实，同意该同志申报" + type.displayName() + "。");
            // No employment is needed to leave Shanghai or cancel: the certificate's enterprise vouches only for the file.
            case TRANSFER_OUT, CANCELLATION -> List.of(
                    "我单位聘用的" + name + "同志，其申报材料真实，同意该同志申报" + type.displayName() + "。");
        };
    }
}
