package io.trajectory.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.trajectory.api.security.PasswordConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configured password the service will not start with: refused at start-up, not at the first login. */
class PasswordConfigTest {

    @TempDir
    Path data;

    private void start(String user, String password) {
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "trajectory.data-dir", data.toString(),
                "trajectory.security.users." + user + ".password", password,
                "trajectory.security.users." + user + ".roles", "viewer"), "test")) {
            throw new AssertionError("the service started with " + user + "'s password " + password);
        }
    }

    @Test
    void aSha256HashStopsTheServiceNamingTheUserTheKeyAndHowToMakeAProperHash() {
        assertThatThrownBy(() -> start("admin", "sha256:240be518fabd2724ddb6f04eeb1da5967448d7e831c08c8fa822809f74c720a9"))
                .hasRootCauseInstanceOf(PasswordConfigException.class)
                .rootCause()
                .hasMessageStartingWith("user 'admin': trajectory.security.users.admin.password is a plain sha256: hash")
                .hasMessageContaining("./trajectory hash-password")
                .hasMessageContaining("TRAJECTORY_ADMIN_PASSWORD");
    }

    @Test
    void anotherKindOfHashIsRefusedRatherThanTakenForAPlainPassword() {
        assertThatThrownBy(() -> start("scrutiny", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"))
                .rootCause()
                .isInstanceOf(PasswordConfigException.class)
                .hasMessageContaining("user 'scrutiny': trajectory.security.users.scrutiny.password")
                .hasMessageContaining("not a BCrypt one")
                .hasMessageContaining("TRAJECTORY_SECURITY_USERS_SCRUTINY_PASSWORD");
    }

    @Test
    void aCutShortBcryptHashIsRefusedRatherThanTakenForAPlainPassword() {
        assertThatThrownBy(() -> start("analyst", "$2a$10$T2NDL6Et9ABqi69uMSUwhOKZn7TXfziLhO/kAzQcg5v0lJhTfJu"))
                .rootCause()
                .isInstanceOf(PasswordConfigException.class)
                .hasMessageContaining("user 'analyst': trajectory.security.users.analyst.password is not a whole BCrypt hash");
    }
}
