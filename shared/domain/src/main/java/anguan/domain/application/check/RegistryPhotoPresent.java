package anguan.domain.application.check;

import anguan.domain.common.Violation;
import java.util.List;

/**
 * 头像照片: the worker registry has a photo of the applicant, which a new certificate will carry
 * (考核发证, 进沪换证). Without one it refuses 签名上报 like every other check: the certificate cannot be
 * printed without a photo.
 */
public final class RegistryPhotoPresent implements SubmitCheck {
    @Override
    public List<Violation> check(SubmitContext context) {
        // An unregistered person is reported once, by PersonRegistered.
        return context.person().filter(p -> !p.hasPhoto())
                .map(p -> List.of(ViolationCode.PHOTO_MISSING.violation("photo")))
                .orElse(List.of());
    }
}
