package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.*;
import static org.junit.jupiter.api.Assertions.*;

import anguan.domain.common.DomainProblem;
import anguan.domain.registry.Feeds.CertificateFeed;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationReportsEveryMissingRegistrationTest {
    private final RegistryTestbed bed = new RegistryTestbed();

    @Test
    void bothUnregisteredAreReportedTogether() {
        DomainProblem problem = refused(() -> bed.service.migrateCertificate("沪建安C3（2023）0000001",
                new CertificateFeed(LI_ID, "C3", "08", OTHER_USCC, "2017-12-31", "2023-12-31", "2026-12-30", "VALID", null)));
        assertEquals(List.of("PERSON_NOT_REGISTERED", "ENTERPRISE_NOT_REGISTERED"), codes(problem));
    }
}
