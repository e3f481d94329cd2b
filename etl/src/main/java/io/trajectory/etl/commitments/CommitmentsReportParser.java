package io.trajectory.etl.commitments;

import io.trajectory.warehouse.period.FiscalQuarter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads {@code commitments.txt}: the tab-separated text of a quarter's commitments progress
 * report as exported from the word-processed original. Each line becomes a {@link ReportLine}
 * (a line with a tab is a table row, one without is a paragraph) and {@link ReportLayout} reads
 * them exactly as it reads the Word document ({@link CommitmentsDocxReader}): legend lines and
 * headings, header rows placed by position, continuation rows joined, status cells read with
 * {@link io.trajectory.warehouse.rating.CommitmentStatus}.
 *
 * <p>Anything it cannot place becomes a {@link ParseProblem} with the raw line; it throws only
 * when the text cannot be read at all.
 */
public final class CommitmentsReportParser {

    private CommitmentsReportParser() {
    }

    /**
     * Parses one report.
     *
     * @param sourceFile    the file's name as it should appear in rows and problems
     * @param text          the report text; closed by the caller
     * @param reportQuarter the quarter the report is for, which "at Q1" in status cells is read against
     * @throws CommitmentsFileException naming the file when the text cannot be read
     */
    public static CommitmentsParse parse(String sourceFile, Reader text, FiscalQuarter reportQuarter) {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reportQuarter, "reportQuarter");
        ReportLayout layout = new ReportLayout(sourceFile, reportQuarter);
        BufferedReader lines = text instanceof BufferedReader b ? b : new BufferedReader(text);
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                layout.accept(line.indexOf('\t') < 0
                        ? ReportLine.paragraph(lineNumber, null, line, false)
                        : ReportLine.row(lineNumber, null, line, Arrays.asList(line.split("\t", -1)), null));
            }
        } catch (IOException e) {
            throw new CommitmentsFileException(sourceFile, "cannot read the report after line " + lineNumber + ": " + e.getMessage(), e);
        }
        return layout.finish();
    }
}
