package io.csvingest.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file's SHA-256 and size: what tells a file already loaded from a new one, whatever its name. */
public record FileChecksum(String sha256, long size) {

    /** Reads {@code in} to its end (and closes it). */
    public static FileChecksum of(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new FileChecksum(HexFormat.of().formatHex(digest.digest()), size);
    }
}
