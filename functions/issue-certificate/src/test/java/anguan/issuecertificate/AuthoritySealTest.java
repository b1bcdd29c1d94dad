package anguan.issuecertificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.ofd.SealMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the container's seal comes from: a file (made once, locally) or the secret; never a second seal. */
class AuthoritySealTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Function<String, String> NO_SECRETS = arn -> {
        throw new AssertionError("no secret is read here");
    };

    @TempDir
    Path folder;

    private static Function<String, Optional<String>> env(Map<String, String> variables) {
        return name -> Optional.ofNullable(variables.get(name));
    }

    @Test
    void locallyTheFirstStartMakesTheSealOwnerOnlyAndLaterStartsReadTheSameOne() throws Exception {
        Path file = folder.resolve("signing/seal.properties");
        var local = env(Map.of(AuthoritySeal.FILE, file.toString(), "ANGUAN_LOCAL", "true"));

        SealMaterial made = AuthoritySeal.load(local, NO_SECRETS, CLOCK);
        SealMaterial read = AuthoritySeal.load(local, NO_SECRETS, CLOCK);

        assertEquals(made.certificate(), read.certificate());
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file left behind");
        }
    }

    @Test
    void containersStartingAtOnceAllSealWithTheOneThatWasFirst() throws Exception {
        Path file = folder.resolve("seal.properties");
        var local = env(Map.of(AuthoritySeal.FILE, file.toString(), "ANGUAN_LOCAL", "true"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SealMaterial>> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(pool.submit(() -> {
                start.await();
                return AuthoritySeal.load(local, NO_SECRETS, CLOCK);
            }));
        }
        start.countDown();
        List<SealMaterial> seals = new ArrayList<>();
        for (Future<SealMaterial> f : started) {
            seals.add(f.get());
        }
        pool.shutdown();

        SealMaterial kept = SealMaterial.parse(Files.readString(file));
        assertTrue(seals.stream().allMatch(s -> s.certificate().equals(kept.certificate())), "one seal for all");
    }

    @Test
    void outsideLocalModeAMissingFileIsAnInitErrorNotANewSeal() {
        Path file = folder.resolve("seal.properties");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AuthoritySeal.load(env(Map.of(AuthoritySeal.FILE, file.toString())), NO_SECRETS, CLOCK));
        assertTrue(e.getMessage().contains(AuthoritySeal.FILE), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void inAwsTheSecretNamedIsParsed() {
        SealMaterial material = SealMaterial.create(CLOCK.instant());
        String arn = "arn:aws:secretsmanager:cn-north-1:000000000000:secret:anguan/seal";
        SealMaterial read = AuthoritySeal.load(env(Map.of(AuthoritySeal.SECRET_ARN, arn)),
                asked -> asked.equals(arn) ? material.serialise() : null, CLOCK);
        assertEquals(material.certificate(), read.certificate());
    }

    @Test
    void withNeitherTheErrorNamesBothVariablesAndADamagedSecretIsNotQuoted() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> AuthoritySeal.load(env(Map.of()), NO_SECRETS, CLOCK));
        assertTrue(none.getMessage().contains(AuthoritySeal.FILE) && none.getMessage().contains(AuthoritySeal.SECRET_ARN), none.getMessage());

        String damaged = "privateKey=c2VjcmV0LWtleS1ieXRlcw==\ncertificate=broken\nsealImage=AA==\n";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AuthoritySeal.load(env(Map.of(AuthoritySeal.SECRET_ARN, "arn:x")), arn -> damaged, CLOCK));
        assertFalse(refused.getMessage().contains("c2VjcmV0"), refused.getMessage());
    }
}
