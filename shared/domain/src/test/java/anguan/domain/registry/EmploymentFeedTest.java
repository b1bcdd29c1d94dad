package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.OTHER_USCC;
import static anguan.domain.registry.RegistryTestbed.USCC;
import static anguan.domain.registry.RegistryTestbed.ZHANG_ID;
import static anguan.domain.registry.RegistryTestbed.codeOf;
import static anguan.domain.registry.RegistryTestbed.codes;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.common.DomainProblem;
import anguan.domain.person.Employment;
import anguan.domain.registry.Feeds.EmploymentFeed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 聘用登记: PUT and DELETE /registry/employments/{idNo}/{uscc}. */
class EmploymentFeedTest {
    private final RegistryTestbed bed = new RegistryTestbed();

    private List<Employment> employments() {
        return bed.registry.employments(ZHANG_ID);
    }

    @Test
    void anOpenEndedEmploymentIsStored() {
        Employment employment = bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));

        assertEquals(new Employment(ZHANG_ID, USCC, LocalDate.of(2020, 1, 1), null), employment);
        assertEquals(List.of(employment), employments());
    }

    @Test
    void anEmploymentWithAnEndIsStored() {
        Employment employment = bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", "2026-12-31"));

        assertEquals(LocalDate.of(2026, 12, 31), employment.until());
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertEmployment(ZHANG_ID, USCC,
                new EmploymentFeed("2024-05-01", "2024-04-30")));

        assertEquals(List.of("DATE_RANGE_INVALID"), codes(problem));
        assertEquals("until", problem.violations().getFirst().field());
        assertTrue(employments().isEmpty());
    }

    @Test
    void anEmploymentOfOneDayIsAccepted() {
        Employment employment = bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2024-05-01", "2024-05-01"));

        assertEquals(employment.since(), employment.until());
    }

    @Test
    void anEndAddedLaterKeepsTheStoredStart() {
        bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));

        Employment employment = bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed(null, "2026-06-30"));

        assertEquals(LocalDate.of(2020, 1, 1), employment.since());
        assertEquals(LocalDate.of(2026, 6, 30), employment.until());
        assertEquals(List.of(employment), employments());
    }

    @Test
    void anEndBeforeTheStoredStartIsRefused() {
        bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));

        DomainProblem problem = refused(() -> bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed(null, "2019-12-31")));

        assertEquals(List.of("DATE_RANGE_INVALID"), codes(problem));
        assertNull(employments().getFirst().until());
    }

    @Test
    void aFeedWithoutAnEndKeepsTheStoredEnd() {
        bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", "2026-06-30"));

        Employment employment = bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2019-01-01", null));

        assertEquals(LocalDate.of(2019, 1, 1), employment.since());
        assertEquals(LocalDate.of(2026, 6, 30), employment.until());
    }

    @Test
    void employmentsAtTwoEnterprisesAreKeptApart() {
        bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));
        bed.service.upsertEmployment(ZHANG_ID, OTHER_USCC, new EmploymentFeed("2022-01-01", null));

        assertEquals(2, employments().size());
    }

    @Test
    void aNewEmploymentNeedsAStart() {
        DomainProblem problem = refused(() -> bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed(null, null)));

        assertEquals(List.of("REQUIRED"), codes(problem));
        assertEquals("since", problem.violations().getFirst().field());
    }

    @Test
    void aMalformedDateIsRefused() {
        DomainProblem problem = refused(() -> bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-02-30", null)));

        assertEquals("INVALID_DATE", codeOf(problem, "since"));
    }

    @Test
    void badIdentifiersAreReportedTogether() {
        DomainProblem problem = refused(() -> bed.service.upsertEmployment("110105194912310021", "91350100M000100Y44",
                new EmploymentFeed("2020-01-01", null)));

        assertEquals(List.of("INVALID_ID_NUMBER", "INVALID_USCC"), codes(problem));
        assertTrue(bed.registry.employments("110105194912310021").isEmpty());
    }

    @Test
    void identifiersAreNormalisedBeforeStoring() {
        bed.service.upsertEmployment(ZHANG_ID.toLowerCase(), USCC.toLowerCase(), new EmploymentFeed("2020-01-01", null));

        assertEquals(USCC, employments().getFirst().uscc());
    }

    @Test
    void endingAnEmploymentRemovesIt() {
        bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));
        bed.service.upsertEmployment(ZHANG_ID, OTHER_USCC, new EmploymentFeed("2022-01-01", null));

        bed.service.endEmployment(ZHANG_ID, USCC);

        assertEquals(List.of(OTHER_USCC), employments().stream().map(Employment::uscc).toList());
    }

    @Test
    void endingAnEmploymentTwiceIsNotAnError() {
        bed.service.upsertEmployment(ZHANG_ID, USCC, new EmploymentFeed("2020-01-01", null));
        bed.service.endEmployment(ZHANG_ID, USCC);

        assertDoesNotThrow(() -> bed.service.endEmployment(ZHANG_ID, USCC));
        assertTrue(employments().isEmpty());
    }

    @Test
    void endingAnEmploymentThatWasNeverRegisteredIsNotAnError() {
        assertDoesNotThrow(() -> bed.service.endEmployment(ZHANG_ID, USCC));
    }

    @Test
    void endingWithABadUsccIsRefused() {
        DomainProblem problem = refused(() -> bed.service.endEmployment(ZHANG_ID, "nonsense"));

        assertEquals(List.of("INVALID_USCC"), codes(problem));
    }
}
