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
