package io.trajectory.etl.landing;

import java.nio.file.Path;

/**
 * A file of the landing zone with its checksum.
 *
 * @param path     absolute path
 * @param name     path relative to the landing zone, as shown to users ({@code returns/2007-08-Q1/indicators.csv})
 * @param sha256   content checksum (hex)
 * @param bytes    size
 */
public record SourceFile(Path path, String name, String sha256, long bytes) {
}
