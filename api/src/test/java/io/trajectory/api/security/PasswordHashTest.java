package io.trajectory.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashTest {

    @Test
    void of_makesABcryptHashThatMatchesOnlyItsPassword() {
        PasswordHash hash = PasswordHash.of("correct horse", 10);

        assertThat(hash.text()).startsWith("$2a$10$").hasSize(60);
        assertThat(hash.matches("correct horse")).isTrue();
        assertThat(hash.matches("correct horsE")).isFalse();
        assertThat(hash.matches("")).isFalse();
        assertThat(hash.matches(null)).isFalse();
    }

    @Test
    void of_saltsEveryHash() {
        assertThat(PasswordHash.of("same", 10)).isNotEqualTo(PasswordHash.of("same", 10));
    }

    @Test
    void of_refusesAPasswordLongerThanBcryptReads() {
        assertThatThrownBy(() -> PasswordHash.of("x".repeat(73), 10)).hasMessageContaining("72 bytes");
        assertThat(PasswordHash.of("x".repeat(72), 10).matches("x".repeat(72))).isTrue();
    }

    @Test
    void matches_refusesALongerPasswordThatBcryptWouldCutTo72Bytes() {
        PasswordHash hash = PasswordHash.of("x".repeat(72), 10);

        assertThat(hash.matches("x".repeat(72) + "anything")).isFalse();
    }

    @Test
    void new_acceptsOnlyABcryptHash() {
        assertThat(PasswordHash.isBcrypt("$2b$12$" + "a".repeat(53))).isTrue();
        assertThat(PasswordHash.isBcrypt("$2y$04$" + "a".repeat(53))).isTrue();
        assertThat(PasswordHash.isBcrypt("$2a$12$" + "a".repeat(52))).isFalse();
        assertThat(PasswordHash.isBcrypt("sha256:240be518fabd2724ddb6f04eeb1da5967448d7e831c08c8fa822809f74c720a9")).isFalse();
        assertThat(PasswordHash.isBcrypt("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA")).isFalse();
        assertThatThrownBy(() -> new PasswordHash("admin123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matches_readsAHashMadeElsewhere() {
        // made by the system's crypt(3) (libxcrypt), not by Spring's BCrypt:
        // python3 -c "import crypt; print(crypt.crypt('admin123', crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1024)))"
        PasswordHash libxcrypt = new PasswordHash("$2b$10$IyPsZdntQoZdMOS5UkwHP.08nEqvh8QMDptbu7mwDzn/n/oP2NzXu");

        assertThat(libxcrypt.matches("admin123")).isTrue();
        assertThat(libxcrypt.matches("admin124")).isFalse();
    }
}
