package anguan.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void anIdNumberKeepsItsFirstTwoAndLastTwoCharacters() {
        assertEquals("11**************2X", Masking.idNumber("11010519491231002X"));
        assertEquals("E1*****78", Masking.idNumber("E12345678"));
    }

    @Test
    void aMobileKeepsItsFirstThreeAndLastTwoDigits() {
        assertEquals("138******78", Masking.mobile("13812345678"));
    }

    @Test
    void anEchoedValueHasEveryIdNumberAndMobileInItMaskedAndTheRestAsSent() {
        assertEquals("11**************2X", Masking.echoed("11010519491231002X"));
        assertEquals("11**************2x", Masking.echoed("11010519491231002x"));
        assertEquals("未找到申请：31**************15", Masking.echoed("未找到申请：310104198505050015"));
        assertEquals("abc 139******78, 31**************15 ok", Masking.echoed("abc 13912345678, 310104198505050015 ok"));
        assertEquals("W2026112700001", Masking.echoed("W2026112700001"));
        assertEquals("沪建安C3（2026）0000001", Masking.echoed("沪建安C3（2026）0000001"));
        assertEquals("91350100M000100Y43", Masking.echoed("91350100M000100Y43"));
        assertNull(Masking.echoed(null));
    }

    /** The public verification shows one character and one star: not even the name's length (contract_smoke.py: 陈子莲 → 陈*). */
    @Test
    void aPublicNameIsItsFirstCharacterAndOneStarWhateverItsLength() {
        assertEquals("陈*", Masking.publicName("陈子莲"));
        assertEquals("张*", Masking.publicName("张三"));
        assertEquals("欧*", Masking.publicName("欧阳娜娜"));
        assertEquals("𠀀*", Masking.publicName("𠀀三"));
        assertEquals("*", Masking.publicName("张"));
        assertNull(Masking.publicName(null));
    }

    @Test
    void aNameKeepsItsFirstCharacter() {
        assertEquals("张*", Masking.name("张三"));
        assertEquals("欧**", Masking.name("欧阳修"));
        assertEquals("张", Masking.name("张"));
    }

    @Test
    void aCharacterOutsideTheBasicPlaneCountsAsOne() {
        assertEquals("𠮷*", Masking.name("𠮷野"));
        assertEquals("王*", Masking.name("王𠮷"));
    }

    @Test
    void aValueTooShortToHideAnythingIsMaskedWhole() {
        assertEquals("****", Masking.idNumber("1234"));
        assertEquals("12*45", Masking.idNumber("12345"));
        assertEquals("*****", Masking.mobile("13812"));
    }

    @Test
    void nullStaysNullAndEmptyStaysEmpty() {
        assertNull(Masking.idNumber(null));
        assertNull(Masking.mobile(null));
        assertNull(Masking.name(null));
        assertEquals("", Masking.name(""));
    }
}
