package io.trajectory.api.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A report's XHTML (charts inline as SVG) laid out as a PDF by openhtmltopdf on PDFBox; the
 * page size and margins come from the document's own {@code @page} rule (A4 portrait for the
 * pack). Text is set in DejaVu Sans when the system has it (Debian's fonts-dejavu-core), which has
 * the arrows and minus signs the report prints; otherwise in the PDF's built-in Helvetica.
 */
public final class PdfDocument {

    static final String FONT = "DejaVu Sans";
    private static final File DEJAVU = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final File DEJAVU_BOLD = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private PdfDocument() {
    }

    /** The PDF of {@code xhtml}; {@code baseUri} resolves any relative address in it. */
    public static byte[] of(String xhtml, String baseUri) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useSVGDrawer(new BatikSVGDrawer());
            if (DEJAVU.isFile() && DEJAVU_BOLD.isFile()) {
                b.useFont(DEJAVU, FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
                b.useFont(DEJAVU_BOLD, FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            }
            b.withHtmlContent(xhtml, baseUri);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out the PDF: " + e.getMessage(), e);
        }
    }
}
