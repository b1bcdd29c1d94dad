package anguan.domain.application.check;

import anguan.domain.common.PhoneNumber;
import anguan.domain.common.Violation;
import java.util.List;

/** 企业联系电话: a mobile number or a landline with its area code, as the person entered it on the form. */
public final class EnterprisePhoneValid implements SubmitCheck {
    private static final String FIELD = "enterprisePhone";

    @Override
    public List<Violation> check(SubmitContext context) {
        var enterprise = context.application().enterprise();
        String phone = enterprise == null || enterprise.phone() == null ? "" : enterprise.phone().strip();
        if (phone.isEmpty()) {
            return List.of(ViolationCode.ENTERPRISE_PHONE_INVALID.violation(FIELD,
                    "请填写企业联系电话（11位手机号码或带区号的固定电话，如021-12345678）"));
        }
        return PhoneNumber.isValidEnterprisePhone(phone)
                ? List.of()
                : List.of(ViolationCode.ENTERPRISE_PHONE_INVALID.violation(FIELD));
    }
}
