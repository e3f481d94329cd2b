package io.trajectory.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With anonymous-read on (a public scrutiny site, and the demo) answers need no login; extracts still do. */
@MicronautTest(transactional = false) // the tests hold no connection of the control database
@Property(name = "trajectory.security.anonymous-read", value = "true")
class AnonymousReadTest extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected HttpClient client() {
        return client;
    }

    @Test
    void anyoneMayReadTheAnswersButNotTakeExtracts() {
        String u = url("/api/v1/comparison", "from", "2006/07 Q4", "to", "2007/08 Q1");
        assertThat(get(u, null, null).getStatus().getCode()).isEqualTo(200);
        assertThat(get(u + "&format=csv", null, null).getStatus().getCode()).isEqualTo(401);
        assertThat(get(u + "&format=csv", ANALYST, null).getStatus().getCode()).isEqualTo(200);
    }
}
