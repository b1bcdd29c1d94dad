package anguan.ofd;

/**
 * The format of a holder's photo by its first bytes (the registry sends JPEG or PNG): ofdrw names
 * the image's format in the OFD after the file's extension, so the extension must be right.
 */
final class PhotoFormat {

    private PhotoFormat() {
    }

    /** {@code jpg} or {@code png}; anything else is not a photo the face can show. */
    static String of(byte[] photo) {
        if (photo.length > 3 && (photo[0] & 0xFF) == 0xFF && (photo[1] & 0xFF) == 0xD8) {
            return "jpg";
        }
        if (photo.length > 8 && (photo[0] & 0xFF) == 0x89 && photo[1] == 'P' && photo[2] == 'N' && photo[3] == 'G') {
            return "png";
        }
        throw new IllegalArgumentException("the holder's photo is neither JPEG nor PNG");
    }
}
