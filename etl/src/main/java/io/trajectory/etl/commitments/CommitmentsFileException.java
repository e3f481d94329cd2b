package io.trajectory.etl.commitments;

/**
 * A commitments file that cannot be read at all (I/O failure, no header, a required column
 * missing, broken CSV quoting). It fails that quarter's load; the message names the file.
 */
public final class CommitmentsFileException extends RuntimeException {

    private final String sourceFile;

    public CommitmentsFileException(String sourceFile, String why, Throwable cause) {
        super(sourceFile + ": " + why, cause);
        this.sourceFile = sourceFile;
    }

    public CommitmentsFileException(String sourceFile, String why) {
        this(sourceFile, why, null);
    }

    /** The file that could not be read. */
    public String sourceFile() {
        return sourceFile;
    }
}
