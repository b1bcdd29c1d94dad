package anguan.domain.application;

import anguan.domain.testing.TextForms;
import static anguan.domain.application.ApplicationTestbed.ZHANG_ID;
import static anguan.domain.application.ApplicationTestbed.codes;
import static anguan.domain.application.ApplicationTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.certificate.CertificateRepository;
import anguan.domain.common.DomainProblem;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A number that cannot be an application or certificate number is simply unknown: 404, and no
 * repository is asked for it (a key built from 3,000 characters is over DynamoDB's size limit,
 * which used to surface as a 500).
 */
class ImpossibleNumbersAreUnknownTest {
    private static final String HUGE = "沪".repeat(3000);

    private final ApplicationTestbed bed = ApplicationTestbed.zhangAtUscc();
    private final List<String> lookedUp = new ArrayList<>();
    private final ApplicationService service = new ApplicationService(
            recording(ApplicationRepository.class, bed.applications), bed.registry.claimRepository(), bed.registry,
            bed.registry.enterpriseRepository(),
            recording(CertificateRepository.class, bed.registry.certificateRepository()), bed.registry, new TextForms(), bed.registry, bed.clock);

    /** The port, noting every key that a find… method is asked for. */
    private <T> T recording(Class<T> port, T delegate) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getName().startsWith("find")) {
                lookedUp.add((String) args[0]);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"W2026", "W20261127000011", "w2026112700001", "W2026113200001", "X2026112700001", "",
            "沪建安C3（2023）0000001", "沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪沪"})
    void anApplicationNumberThatCannotBeOneIsNotFoundAndNotLookedUp(String number) {
        for (String no : List.of(number, number + HUGE)) {
            assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> service.get(ZHANG_ID, no)).kind());
            assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> service.events(ZHANG_ID, no)).kind());
            assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> service.submit(ZHANG_ID, no)).kind());
            assertEquals(DomainProblem.Kind.NOT_FOUND, refused(() -> service.delete(ZHANG_ID, no)).kind());
        }
        assertEquals(List.of(), lookedUp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"沪建安C3（0999）0000001", "沪建安C3（2023）0000000", "LEGACY-001", "沪建安C3（2023）00000011"})
    void aCertificateNumberThatCannotBeOneIsNotFoundAndNotLookedUp(String number) {
        for (String no : List.of(number, number + HUGE)) {
            for (ApplicationType type : List.of(ApplicationType.RENEWAL, ApplicationType.TRANSFER_OUT, ApplicationType.CANCELLATION)) {
                DomainProblem problem = refused(() -> service.create(ZHANG_ID, new NewApplication(type, null, null, no, null, null)));
                assertEquals(DomainProblem.Kind.NOT_FOUND, problem.kind(), type + " " + no);
            }
        }
        assertEquals(List.of(), lookedUp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁建安C1（0999）0012345", "LEGACY-001"})
    void aTransferInFromANumberThatCannotBeOneLooksNothingUpAndIsNotFoundAtSubmit(String number) {
        Application draft = service.create(ZHANG_ID, new NewApplication(ApplicationType.TRANSFER_IN, null, null, null, number + HUGE, null));

        DomainProblem problem = refused(() -> service.submit(ZHANG_ID, draft.applicationNo()));
        assertTrue(codes(problem).contains("EXTERNAL_CERTIFICATE_NOT_FOUND"), codes(problem).toString());
        assertTrue(lookedUp.stream().allMatch(key -> key.equals(draft.applicationNo())), lookedUp.toString());
    }
}
