package anguan.domain.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A photo or signature image from a feed. Stored under a key derived from its content, so a key
 * never changes meaning: a certificate that copied a photo key keeps its photo when the registry's
 * photo changes.
 */
record RegistryImage(byte[] bytes, String contentType, String extension) {

    static final int PHOTO_MAX_BYTES = 50 * 1024;
    static final int SIGNATURE_MAX_BYTES = 20 * 1024;

    /** @return the image, or null after recording why it cannot be taken */
    static RegistryImage decode(FieldCheck check, String field, String base64, int maxBytes, boolean pngOnly, String label) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(stripDataUrl(base64));
        } catch (IllegalArgumentException e) {
            check.add("IMAGE_INVALID", field, label + "不是有效的base64编码");
            return null;
        }
        if (bytes.length > maxBytes) {
            check.add("IMAGE_TOO_LARGE", field, label + "不能超过" + (maxBytes / 1024) + " KiB（当前" + (bytes.length + 1023) / 1024 + " KiB）");
            return null;
        }
        if (isPng(bytes)) {
            return new RegistryImage(bytes, "image/png", "png");
        }
        if (!pngOnly && isJpeg(bytes)) {
            return new RegistryImage(bytes, "image/jpeg", "jpg");
        }
        check.add("IMAGE_INVALID", field, label + (pngOnly ? "须为PNG图片" : "须为JPEG或PNG图片"));
        return null;
    }

    String key(String folder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "registry/" + folder + "/" + HexFormat.of().formatHex(digest) + "." + extension;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripDataUrl(String base64) {
        int comma = base64.indexOf(',');
        return base64.startsWith("data:") && comma > 0 ? base64.substring(comma + 1) : base64.strip();
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }
}
