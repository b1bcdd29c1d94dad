package anguan.domain.registry;

import static anguan.domain.registry.RegistryTestbed.USCC;
import static anguan.domain.registry.RegistryTestbed.codeOf;
import static anguan.domain.registry.RegistryTestbed.codes;
import static anguan.domain.registry.RegistryTestbed.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import anguan.domain.common.DomainProblem;
import anguan.domain.enterprise.Enterprise;
import anguan.domain.enterprise.SigningPassword;
import anguan.domain.registry.Feeds.EnterpriseFeed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 企业信息: PUT /registry/enterprises/{uscc}. */
class EnterpriseFeedTest {
    private final RegistryTestbed bed = new RegistryTestbed();

    private Enterprise stored() {
        return bed.registry.findEnterprise(USCC).orElseThrow();
    }

    @Test
    void anEnterpriseIsStoredWithItsName() {
        Enterprise enterprise = bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, null));

        assertEquals(USCC, enterprise.uscc());
        assertEquals("上海建工一建集团有限公司", enterprise.name());
        assertNull(enterprise.signingPasswordHash());
        assertEquals(RegistryTestbed.NOW, enterprise.updatedAt());
        assertEquals(enterprise, stored());
    }

    @Test
    void aLowercaseUsccIsStoredUppercase() {
        bed.service.upsertEnterprise(" " + USCC.toLowerCase() + " ", new EnterpriseFeed("上海建工一建集团有限公司", null, null));

        assertEquals("上海建工一建集团有限公司", stored().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100I000100Y43", ""})
    void anInvalidUsccIsRefusedAndNothingIsStored(String uscc) {
        DomainProblem problem = refused(() -> bed.service.upsertEnterprise(uscc, new EnterpriseFeed("某公司", null, null)));

        assertEquals(DomainProblem.Kind.VALIDATION_FAILED, problem.kind());
        assertEquals(List.of("INVALID_USCC"), codes(problem));
        assertEquals("uscc", problem.violations().getFirst().field());
        assertTrue(bed.registry.findEnterprise(uscc).isEmpty());
    }

    @Test
    void aNewEnterpriseNeedsAName() {
        DomainProblem problem = refused(() -> bed.service.upsertEnterprise(USCC, new EnterpriseFeed(" ", null, null)));

        assertEquals("REQUIRED", codeOf(problem, "name"));
        assertTrue(bed.registry.findEnterprise(USCC).isEmpty());
    }

    @Test
    void aRenameKeepsTheUsccAndTheSigningPassword() {
        bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, "s3cret-pass"));
        String hash = stored().signingPasswordHash();

        Enterprise renamed = bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建（集团）有限公司", null, null));

        assertEquals("上海建工一建（集团）有限公司", renamed.name());
        assertEquals(hash, renamed.signingPasswordHash());
        assertTrue(SigningPassword.matches("s3cret-pass", stored().signingPasswordHash()));
    }

    @Test
    void aFeedWithoutANameKeepsTheStoredName() {
        bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, null));

        Enterprise enterprise = bed.service.upsertEnterprise(USCC, new EnterpriseFeed(null, null, "s3cret-pass"));

        assertEquals("上海建工一建集团有限公司", enterprise.name());
        assertTrue(SigningPassword.matches("s3cret-pass", enterprise.signingPasswordHash()));
    }

    @Test
    void theSigningPasswordIsStoredOnlyAsAHash() {
        Enterprise enterprise = bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, "s3cret-pass"));

        String hash = stored().signingPasswordHash();
        assertNotEquals("s3cret-pass", hash);
        assertFalse(hash.contains("s3cret-pass"));
        assertTrue(hash.startsWith("pbkdf2-sha256$"));
        assertEquals(hash, enterprise.signingPasswordHash());
        assertFalse(enterprise.toString().contains("s3cret-pass"));
    }

    @Test
    void theHashMatchesTheRightPasswordOnly() {
        String hash = bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, "s3cret-pass"))
                .signingPasswordHash();

        assertTrue(SigningPassword.matches("s3cret-pass", hash));
        assertFalse(SigningPassword.matches("s3cret-pas", hash));
        assertFalse(SigningPassword.matches("S3CRET-PASS", hash));
        assertFalse(SigningPassword.matches(null, hash));
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, "old-password"));

        bed.service.upsertEnterprise(USCC, new EnterpriseFeed(null, null, "new-password"));

        assertTrue(SigningPassword.matches("new-password", stored().signingPasswordHash()));
        assertFalse(SigningPassword.matches("old-password", stored().signingPasswordHash()));
    }

    @Test
    void theSamePasswordTwiceIsSaltedDifferently() {
        String first = bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, "s3cret-pass"))
                .signingPasswordHash();
        String second = bed.service.upsertEnterprise(USCC, new EnterpriseFeed(null, null, "s3cret-pass"))
                .signingPasswordHash();

        assertNotEquals(first, second);
        assertTrue(SigningPassword.matches("s3cret-pass", second));
    }

    @Test
    void aPasswordShorterThanSixCharactersIsRefusedAndTheOldOneKept() {
        bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, "s3cret-pass"));

        DomainProblem problem = refused(() -> bed.service.upsertEnterprise(USCC, new EnterpriseFeed("新名称", null, "12345")));

        assertEquals("INVALID_VALUE", codeOf(problem, "signingPassword"));
        assertEquals("上海建工一建集团有限公司", stored().name());
        assertTrue(SigningPassword.matches("s3cret-pass", stored().signingPasswordHash()));
    }

    @Test
    void aContactMobileIsStoredAndKeptWhenLeftOut() {
        bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", " 13912345678 ", null));

        Enterprise renamed = bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建（集团）有限公司", null, null));

        assertEquals("13912345678", renamed.contactMobile());
        assertEquals("13912345678", stored().contactMobile());
    }

    @Test
    void aNewContactMobileReplacesTheOldOne() {
        bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", "13912345678", null));

        bed.service.upsertEnterprise(USCC, new EnterpriseFeed(null, "18600001111", null));

        assertEquals("18600001111", stored().contactMobile());
        assertEquals("上海建工一建集团有限公司", stored().name());
    }

    @Test
    void anEnterpriseNeedNotHaveAContactMobile() {
        assertNull(bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", null, null)).contactMobile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12912345678", "1391234567", "139123456789", "021-64881234", "", "一三九"})
    void aContactMobileThatIsNoMobileIsRefusedAndTheOldOneKept(String mobile) {
        bed.service.upsertEnterprise(USCC, new EnterpriseFeed("上海建工一建集团有限公司", "13912345678", null));

        DomainProblem problem = refused(() -> bed.service.upsertEnterprise(USCC, new EnterpriseFeed("新名称", mobile, null)));

        assertEquals(List.of("INVALID_MOBILE"), codes(problem));
        assertEquals("contactMobile", problem.violations().getFirst().field());
        assertEquals("联系人手机号码无效：应为1[3-9]开头的11位数字", problem.violations().getFirst().message());
        assertEquals("13912345678", stored().contactMobile());
        assertEquals("上海建工一建集团有限公司", stored().name());
    }

    @Test
    void anInvalidUsccAndAMissingNameAreReportedTogether() {
        DomainProblem problem = refused(() -> bed.service.upsertEnterprise("BAD", new EnterpriseFeed(null, null, "123")));

        assertEquals(List.of("INVALID_USCC", "REQUIRED", "INVALID_VALUE"), codes(problem));
    }
}
