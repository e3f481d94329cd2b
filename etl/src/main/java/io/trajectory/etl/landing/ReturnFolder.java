package io.trajectory.etl.landing;

import io.trajectory.warehouse.period.FiscalQuarter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One quarter's return folder, {@code returns/2007-08-Q1/}.
 *
 * @param folder       the folder name as found
 * @param quarter      the quarter the folder name denotes
 * @param indicators   {@code indicators.csv} or {@code indicators.xlsx}, if present
 * @param commitments  {@code commitments.txt}, {@code commitments.docx} or {@code commitments.csv}, if present
 * @param signOffFile  {@code signoff.json}, if present
 * @param signOff      the parsed sign-off, when the file is present and valid
 */
public record ReturnFolder(String folder, FiscalQuarter quarter, Optional<SourceFile> indicators,
                           Optional<SourceFile> commitments, Optional<SourceFile> signOffFile,
                           Optional<SignOff> signOff) {

    /** All of the folder's files. */
    public List<SourceFile> files() {
        List<SourceFile> files = new ArrayList<>();
        indicators.ifPresent(files::add);
        commitments.ifPresent(files::add);
        signOffFile.ifPresent(files::add);
        return files;
    }

    /** A checksum over every file of the return: any change to data or sign-off changes it. */
    public String sha256() {
        return checksum(files());
    }

    private static String checksum(List<SourceFile> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : files) {
                md.update((f.name() + "=" + f.sha256() + ";").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isSignedOff() {
        return signOff.isPresent();
    }
}
