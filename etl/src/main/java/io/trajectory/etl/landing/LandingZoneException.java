package io.trajectory.etl.landing;

/** A landing-zone file that cannot be read at all; the message names the file. The load stops. */
public final class LandingZoneException extends RuntimeException {

    public LandingZoneException(String message) {
        super(message);
    }

    public LandingZoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
