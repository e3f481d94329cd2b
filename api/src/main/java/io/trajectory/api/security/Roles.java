package io.trajectory.api.security;

import java.util.Collection;
import java.util.Set;

/** The three roles: viewer reads, analyst reads and takes extracts, admin also runs refreshes. */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    static final Set<String> READ = Set.of(VIEWER, ANALYST, ADMIN);
    static final Set<String> EXTRACT = Set.of(ANALYST, ADMIN);
    static final Set<String> REFRESH = Set.of(ADMIN);

    private Roles() {
    }

    static boolean any(Collection<String> held, Set<String> allowed) {
        return held.stream().anyMatch(allowed::contains);
    }
}
