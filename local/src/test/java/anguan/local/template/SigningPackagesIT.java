package anguan.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.local.ProjectRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The two signing functions carry what a PAdES signature needs (PDFBox, BouncyCastle's jdk18on line)
 * and never ofdrw or its BouncyCastle jdk15on line, which must not share a class path with the PDF
 * signer (DESIGN.md, Known constraints); nor SNS, which only the notifier uses.
 */
class SigningPackagesIT {
    private static final Path ROOT = ProjectRoot.locate();
    private static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));

    @Test
    void theSigningFunctionsCarryPdfBoxAndBouncyCastleJdk18onOnly() throws IOException {
        for (String logicalId : List.of("PersonalSignFunction", "EnterpriseSignFunction")) {
            FunctionDefinition function = TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                    .orElseThrow(() -> new AssertionError("template.yaml has no " + logicalId));
            try (ZipFile zip = new ZipFile(ROOT.resolve(function.codeUri()).toFile())) {
                List<String> jars = zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("lib/")).toList();
                for (String needed : List.of("lib/pdfbox-3", "lib/bcprov-jdk18on-", "lib/bcpkix-jdk18on-", "lib/anguan-pdf-")) {
                    assertTrue(jars.stream().anyMatch(j -> j.startsWith(needed)), logicalId + " lacks " + needed + "*: " + jars);
                }
                assertEquals(List.of(), jars.stream().filter(j -> j.contains("jdk15on") || j.contains("ofdrw")
                        || j.startsWith("lib/sns-")).toList(), logicalId);
            }
        }
    }
}
