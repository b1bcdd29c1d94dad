package anguan.domain.application;

import anguan.domain.person.Person;

/** The applicant block of an application, copied from the worker registry. */
final class Applicants {
    private Applicants() {
    }

    static Applicant of(Person p) {
        return new Applicant(p.name(), p.gender(), p.birthDate(), p.idType(), p.idNo(), p.mobile());
    }
}
