package anguan.submit;

import anguan.aws.view.ApplicationView;
import anguan.aws.view.CertificateView;
import anguan.domain.application.Application;
import anguan.domain.application.Page;
import anguan.domain.common.BusinessTime;
import anguan.domain.person.PersonProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The person's own views. GET /me is the one response that carries their ID number and mobile whole. */
final class PersonViews {
    private final Clock clock;

    PersonViews(Clock clock) {
        this.clock = clock;
    }

    record Me(String idNo, String name, String gender, String genderName, LocalDate birthDate, String idType,
              String idTypeName, String mobile, boolean hasPhoto, List<PersonProfile.Employer> employments,
              List<CertificateView> certificates) {
    }

    record ListPage<T>(List<T> items, int total, int page, int size) {
    }

    Me profile(PersonProfile profile) {
        var p = profile.person();
        LocalDate today = BusinessTime.today(clock);
        return new Me(p.idNo(), p.name(), p.gender().name(), p.gender().displayName(), p.birthDate(), p.idType().name(),
                p.idType().displayName(), p.mobile(), p.hasPhoto(), profile.employments(),
                profile.certificates().stream().map(c -> CertificateView.of(c, today)).toList());
    }

    ApplicationView application(Application a) {
        return ApplicationView.of(a, BusinessTime.today(clock));
    }

    ListPage<ApplicationView> page(Page<Application> page) {
        return new ListPage<>(page.items().stream().map(this::application).toList(), page.total(),
                page.page(), page.size());
    }
}
