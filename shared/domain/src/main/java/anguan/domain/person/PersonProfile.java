package anguan.domain.person;

import anguan.domain.certificate.Certificate;
import java.time.LocalDate;
import java.util.List;

/** What a person sees of themselves (GET /me): registry entry, current employers, all certificates. */
public record PersonProfile(Person person, List<Employer> employments, List<Certificate> certificates) {

    /** A current employment with the employer's registered name. */
    public record Employer(String uscc, String enterpriseName, LocalDate since, LocalDate until) {
    }
}
