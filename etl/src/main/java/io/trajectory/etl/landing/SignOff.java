package io.trajectory.etl.landing;

import java.time.Instant;

/** A quarter's sign-off, from its {@code signoff.json}. */
public record SignOff(String signedOffBy, Instant signedOffAt) {
}
