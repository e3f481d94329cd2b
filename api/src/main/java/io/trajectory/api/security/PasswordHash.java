package io.trajectory.api.security;

import org.springframework.security.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A BCrypt hash of a password ({@code $2a$12$} + 22 characters of salt + 31 of hash): slow and
 * salted, so a leaked configuration does not give the passwords away. Compared in constant time
 * (Spring Security's {@link BCrypt}). Immutable.
 *
 * @param text the hash as written in configuration
 */
public record PasswordHash(String text) {

    /** The cost {@code ./trajectory hash-password} uses unless told otherwise: 2^12 rounds, about 0.3 s. */
    public static final int DEFAULT_COST = 12;
    public static final int MIN_COST = 10;
    public static final int MAX_COST = 16;

    /** BCrypt takes at most 72 bytes of a password and would silently ignore the rest. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    public PasswordHash {
        Objects.requireNonNull(text, "text");
        if (!isBcrypt(text)) {
            throw new IllegalArgumentException("not a BCrypt hash: " + text);
        }
    }

    /** Whether {@code text} is a BCrypt hash as {@code hash-password} prints it. */
    public static boolean isBcrypt(String text) {
        return text != null && BCRYPT.matcher(text).matches();
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public static PasswordHash of(String password, int cost) {
        Objects.requireNonNull(password, "password");
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("BCrypt cost must be 4 to 31, not " + cost);
        }
        if (!fitsBcrypt(password)) {
            throw new IllegalArgumentException("a password longer than " + MAX_PASSWORD_BYTES
                    + " bytes cannot be hashed with BCrypt");
        }
        return new PasswordHash(BCrypt.hashpw(password, BCrypt.gensalt(cost)));
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    /** Whether {@code password} is the one hashed; as slow as the hash's cost, right or wrong. */
    public boolean matches(String password) {
        if (password == null || !fitsBcrypt(password)) {
            return false; // BCrypt would refuse it; no password that long was ever hashed
        }
        return BCrypt.checkpw(password, text);
    }
}
