package anguan.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void defaultsServePort3000WithDemoDataInTheProjectsDataDirectory() {
        LocalRunner.Options options = Main.parse(new String[0]);
        assertEquals(3000, options.port());
        assertEquals(ProjectRoot.locate().resolve(".anguan-local"), options.dataDir());
        assertTrue(options.demo());
        assertFalse(options.reset());
    }

    @Test
    void optionsAreRead() {
        LocalRunner.Options options = Main.parse(new String[] {"--port", "3101", "--data", "/tmp/x", "--reset", "--no-demo"});
        assertEquals(3101, options.port());
        assertEquals(Path.of("/tmp/x"), options.dataDir());
        assertTrue(options.reset());
        assertFalse(options.demo());
    }

    @Test
    void unknownOrIncompleteOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "70000"}));
    }
}
