package anguan.personalsign;

import anguan.aws.config.Platform;
import anguan.aws.config.SigningSecrets;
import anguan.aws.http.ApiRequest;
import anguan.aws.http.ApiResponse;
import anguan.aws.http.HttpFunction;
import anguan.aws.http.Routes;
import anguan.aws.view.ApplicationView;
import anguan.aws.view.DownloadView;
import anguan.domain.application.ApplicationDocuments;
import anguan.domain.common.BusinessTime;
import anguan.domain.common.DomainProblem;
import anguan.domain.signing.PersonalSigningService;
import anguan.pdf.ca.SigningMaterial;
import anguan.pdf.signing.PlatformFormSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * 个人签名 (role person): the SMS code for the submitted 申请表, the person's PAdES signature that the
 * code unlocks (then the application waits for the enterprise, which is told), and the downloads of
 * the application's files. The code never appears in a response, a log line or an error.
 */
public final class PersonalSignHandler extends HttpFunction {
    private static final String PERSON = "person";
    private static final int MAX_BODY = 64 * 1024;

    /**
     * Lambda's entry: everything built once per container, the signing material opened here (its
     * files locally, two Secrets Manager secrets in AWS), so no request waits for it.
     */
    public PersonalSignHandler() {
        Platform platform = Platform.fromEnvironment();
        SigningSecrets secrets = SigningSecrets.fromEnvironment();
        SigningMaterial material = SigningMaterial.open(secrets.material(), secrets.keyEncryptionKey());
        this(new PersonalSigningService(platform.applications(), platform.persons(), platform.enterprises(),
                        platform.smsChallenges(), platform.smsQuota(),
                        new PlatformFormSigner(material.ca(), material.kek(), material.pepper(), platform.signingCredentials()),
                        platform.documents(), platform.noticeQueue(), SmsCodeSecret.of(material), new SecureRandom(), platform.clock()),
                new ApplicationDocuments(platform.applications(), platform.documents()), platform.clock());
    }

    PersonalSignHandler(PersonalSigningService service, ApplicationDocuments downloads, Clock clock) {
        super(new Routes()
                .on("POST /applications/{no}/sms-codes", PERSON, r -> ApiResponse.json(202,
                        SmsCodeView.of(service.requestCode(me(r), r.path("no")), clock.instant())))
                .on("POST /applications/{no}/personal-signature", PERSON, r -> ApiResponse.ok(ApplicationView.of(
                        service.sign(me(r), r.path("no"), smsCode(r)), BusinessTime.today(clock))))
                .on("GET /applications/{no}/documents/{kind}", PERSON, r -> ApiResponse.ok(DownloadView.of(
                        downloads.forApplicant(me(r), r.path("no"), r.path("kind"))))));
    }

    /** The body of the personal signature. */
    record Sign(String smsCode) {
    }

    /** A missing code is a malformed request, not a wrong try: it costs none of the five. */
    private static String smsCode(ApiRequest r) {
        String code = r.body(Sign.class, MAX_BODY).smsCode();
        if (code == null || code.isBlank()) {
            throw DomainProblem.badRequest("请输入短信验证码（字段smsCode）");
        }
        return code;
    }

    /** A token of the person role without an ID number names no one: nothing is theirs. */
    private static String me(ApiRequest r) {
        String idNo = r.caller().idNo();
        if (idNo == null || idNo.isBlank()) {
            throw new DomainProblem(DomainProblem.Kind.FORBIDDEN, "FORBIDDEN", "登录凭证中没有身份证件号码", List.of());
        }
        return idNo;
    }
}
