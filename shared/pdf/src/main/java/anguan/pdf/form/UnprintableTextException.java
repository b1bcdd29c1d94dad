package anguan.pdf.form;

/**
 * Text the form's font has no glyph for (a rare character outside GB 18030's common planes, say
 * 𠮷 in a name). The form is refused rather than printed with an empty box where a name should be:
 * a caller turns this into a 4xx that names the characters, so the person can have the registry
 * entry corrected or apply at the counter.
 */
public final class UnprintableTextException extends IllegalArgumentException {

    private final String characters;

    UnprintableTextException(String characters) {
        super("the form's font has no glyph for " + characters.codePoints()
                .mapToObj(cp -> "U+%04X".formatted(cp)).toList());
        this.characters = characters;
    }

    /** The characters that cannot be printed, each once, in the order met. */
    public String characters() {
        return characters;
    }
}
