package anguan.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.enterprise.Uscc;
import anguan.domain.person.IdNumber;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void demoIdentifiersAreValidAndDistinct() {
        DemoData demo = DemoData.asOf(LocalDate.of(2026, 11, 27));
        assertEquals(3, demo.enterprises().size());
        assertEquals(5, demo.persons().size());
        demo.persons().forEach(p -> {
            assertTrue(IdNumber.isValid(p.idNo()), p.idNo());
            assertTrue(p.mobile().matches("139\\d{8}"), p.mobile());
        });
        demo.enterprises().forEach(e -> assertTrue(Uscc.isValid(e.uscc()), e.uscc()));
        assertEquals(5, demo.persons().stream().map(DemoData.Person::idNo).distinct().count());
    }

    @Test
    void theDemoPhotoIsASmallPng() {
        byte[] png = Base64.getDecoder().decode(DemoData.photo());
        assertTrue(png.length < 50 * 1024);
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3));
    }

    @Test
    void theDescriptionShowsWhoIsThereAndHowToStart() {
        String text = DemoData.asOf(LocalDate.of(2026, 11, 27)).describe(java.net.URI.create("http://127.0.0.1:3000"));
        assertTrue(text.contains("上海浦江建设工程有限公司"));
        assertTrue(text.contains("curl -s -X POST http://127.0.0.1:3000/dev/tokens"));
        assertTrue(text.contains("沪建安C3（2024）0800001"), text);
    }
}
