package anguan.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable<String> routes = new RouteTable<String>()
            .add("GET", "/applications/{no}", "get")
            .add("PUT", "/applications/{no}", "save")
            .add("POST", "/applications/{no}/submit", "submit")
            .add("GET", "/applications/search", "search")
            .add("PUT", "/registry/employments/{idNo}/{uscc}", "employ")
            .add("PUT", "/registry/certificates/{certificateNo}", "certificate")
            .add("ANY", "/files/{path+}", "files");

    @Test
    void literalSegmentsWinOverParameters() {
        assertEquals(new RouteTable.Found<>("search", Map.of()), routes.match("GET", "/applications/search"));
        assertEquals(new RouteTable.Found<>("get", Map.of("no", "W2026112700001")), routes.match("GET", "/applications/W2026112700001"));
    }

    @Test
    void pathParametersAreDecodedAsUtf8() {
        String encoded = "/registry/certificates/%E6%B2%AA%E5%BB%BA%E5%AE%89C3%EF%BC%882026%EF%BC%890000001";
        assertEquals(new RouteTable.Found<>("certificate", Map.of("certificateNo", "沪建安C3（2026）0000001")),
                routes.match("PUT", encoded));
        assertEquals(new RouteTable.Found<>("certificate", Map.of("certificateNo", "A+B (1)")),
                routes.match("PUT", "/registry/certificates/A+B%20(1)"));
        assertEquals(new RouteTable.Found<>("employ", Map.of("idNo", "11010519491231002X", "uscc", "91350100M000100Y43")),
                routes.match("PUT", "/registry/employments/11010519491231002X/91350100M000100Y43"));
    }

    @Test
    void anEncodedSlashStaysInsideItsSegment() {
        assertEquals(new RouteTable.Found<>("get", Map.of("no", "a/b")), routes.match("GET", "/applications/a%2Fb"));
    }

    @Test
    void aKnownPathWithAnotherMethodIsToldApartFromAnUnknownPath() {
        assertEquals(new RouteTable.WrongMethod<String>(Set.of("GET", "PUT")), routes.match("DELETE", "/applications/W1"));
        assertInstanceOf(RouteTable.NotFound.class, routes.match("GET", "/nothing/here"));
        assertInstanceOf(RouteTable.NotFound.class, routes.match("GET", "/applications/W1/unknown"));
        assertInstanceOf(RouteTable.NotFound.class, routes.match("GET", "/applications/"));
        assertInstanceOf(RouteTable.NotFound.class, routes.match("GET", "/applications/%zz"));
    }

    @Test
    void greedyParametersTakeTheRestOfThePathForAnyMethod() {
        assertEquals(new RouteTable.Found<>("files", Map.of("path", "a/b/c.pdf")), routes.match("DELETE", "/files/a/b/c.pdf"));
    }

    @Test
    void theDefaultRouteCatchesTheRest() {
        RouteTable<String> withDefault = new RouteTable<String>().add("GET", "/a", "a").add("ANY", "$default", "default");
        assertEquals(new RouteTable.Found<>("default", Map.of()), withDefault.match("POST", "/b"));
        assertEquals(new RouteTable.Found<>("a", Map.of()), withDefault.match("GET", "/a"));
    }
}
