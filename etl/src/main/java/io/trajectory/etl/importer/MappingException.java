package io.trajectory.etl.importer;

/**
 * A mapping file that cannot be used: unknown or misspelt key, wrong type, a column the source
 * does not have. The message names the file and the key ({@code figures.rag.values}).
 */
public final class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
