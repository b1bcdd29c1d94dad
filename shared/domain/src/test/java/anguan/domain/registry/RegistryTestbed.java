package anguan.domain.registry;

import static org.junit.jupiter.api.Assertions.assertThrows;

import anguan.domain.certificate.CertificateRepository;
import anguan.domain.common.DomainProblem;
import anguan.domain.common.Violation;
import anguan.domain.enterprise.EnterpriseRepository;
import anguan.domain.person.PersonRepository;
import anguan.domain.registry.Feeds.EnterpriseFeed;
import anguan.domain.registry.Feeds.PersonFeed;
import anguan.domain.testing.InMemoryRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * The registry feeds over the in-memory ports, at a fixed moment: 2026-11-27 10:00 in Shanghai
 * (02:00 UTC). Holds the sample identifiers and images the feed tests share.
 */
final class RegistryTestbed {
    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /** Female (17th digit 2), born 1949-12-31. */
    static final String ZHANG_ID = "11010519491231002X";
    /** Male (17th digit 3), born 1990-01-01. */
    static final String LI_ID = "310101199001011234";
    static final String USCC = "91350100M000100Y43";
    static final String OTHER_USCC = "91310000MA1FL0000N";

    final Clock clock;
    final InMemoryRegistry registry;
    final RegistryService service;

    RegistryTestbed() {
        this(NOW);
    }

    RegistryTestbed(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        registry = new InMemoryRegistry(clock);
        service = new RegistryService(registry, registry.enterpriseRepository(), registry.certificateRepository(),
                registry, clock);
    }

    /** The registry service of a feed whose reads {@code overtaking}'s rival overtakes; the rival uses {@link #service}. */
    RegistryService overtakenBy(Overtaking overtaking) {
        return new RegistryService(overtaking.port(PersonRepository.class, registry),
                overtaking.port(EnterpriseRepository.class, registry.enterpriseRepository()),
                overtaking.port(CertificateRepository.class, registry.certificateRepository()), registry, clock);
    }

    // ---- feeds that succeed, for tests about something else ----

    void registerZhang() {
        service.upsertPerson(ZHANG_ID, new PersonFeed("张三", null, null, null, "13812345678", null, null));
    }

    void registerEnterprise(String uscc, String name) {
        service.upsertEnterprise(uscc, new EnterpriseFeed(name, null, null));
    }

    static PersonFeed mobileOnly(String mobile) {
        return new PersonFeed(null, null, null, null, mobile, null, null);
    }

    // ---- images ----

    /** A JPEG of the given size: the SOI marker and an APP0 segment start, then filler. */
    static byte[] jpeg(int size) {
        byte[] bytes = filler(size, 1);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        return bytes;
    }

    /** A PNG of the given size: the 8-byte signature, then filler. */
    static byte[] png(int size) {
        byte[] bytes = filler(size, 2);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    /** Neither JPEG nor PNG: a GIF header. */
    static byte[] gif(int size) {
        byte[] bytes = filler(size, 3);
        byte[] signature = "GIF89a".getBytes();
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static byte[] filler(int size, int seed) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) seed);
        for (int i = 0; i < size; i += 97) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Where the document store must keep an image: named by its SHA-256, so the key never changes meaning. */
    static String contentKey(String folder, byte[] bytes, String extension) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return "registry/" + folder + "/" + digest + "." + extension;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- refusals ----

    static DomainProblem refused(Executable feed) {
        return assertThrows(DomainProblem.class, feed);
    }

    static List<String> codes(DomainProblem problem) {
        return problem.violations().stream().map(Violation::code).toList();
    }

    static List<String> fields(DomainProblem problem) {
        return problem.violations().stream().map(Violation::field).toList();
    }

    static String messageOf(DomainProblem problem, String field) {
        return problem.violations().stream().filter(v -> field.equals(v.field())).map(Violation::message)
                .findFirst().orElse(null);
    }

    static String codeOf(DomainProblem problem, String field) {
        return problem.violations().stream().filter(v -> field.equals(v.field())).map(Violation::code)
                .findFirst().orElse(null);
    }
}
