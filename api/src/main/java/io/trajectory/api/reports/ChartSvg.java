package io.trajectory.api.reports;

import io.micronaut.json.JsonMapper;
import io.trajectory.api.chart.VegaLite;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Draws a Vega-Lite chart as SVG on the server, with no browser and nothing fetched: vega's own
 * headless renderer, run by Node.js in a child process on the same vega and vega-lite builds the
 * pages load (the build fetches them from npm into {@code public/js}). They are copied out of the
 * class path once, as the {@code vega} and {@code vega-lite} modules beside a small script.
 */
@Singleton
public final class ChartSvg {

    private static final String SCRIPT = """
            // reads a Vega-Lite spec on stdin, writes the chart as SVG on stdout
            const vega = require('vega');
            const vl = require('vega-lite');
            let text = '';
            process.stdin.setEncoding('utf8');
            process.stdin.on('data', d => text += d);
            process.stdin.on('end', async () => {
              try {
                const view = new vega.View(vega.parse(vl.compile(JSON.parse(text)).spec), {renderer: 'none'});
                process.stdout.write(await view.toSVG());
              } catch (e) {
                process.stderr.write(String(e && e.stack || e));
                process.exit(1);
              }
            });
            """;

    private final JsonMapper json;
    private final String node;
    private Path dir;

    public ChartSvg(JsonMapper json, ReportConfig config) {
        this.json = json;
        this.node = config.node();
    }

    /** {@code spec} drawn as an SVG document. */
    public String svg(VegaLite.Spec spec) {
        try {
            Path script = scripts().resolve("render.js");
            Process p = new ProcessBuilder(List.of(node, script.toString())).directory(script.getParent().toFile())
                    .start();
            try (var in = p.getOutputStream()) {
                in.write(json.writeValueAsBytes(spec));
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Drawing a chart with " + node + " failed: " + err.strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run '" + node + "' to draw the pack's charts (set "
                    + ReportConfig.PREFIX + ".node to the Node.js binary): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while drawing a chart", e);
        }
    }

    /** An SVG drawn as a PNG (Batik), for documents that take no SVG, such as the .docx. */
    public static byte[] png(String svg) {
        try (var out = new java.io.ByteArrayOutputStream()) {
            org.apache.batik.transcoder.image.PNGTranscoder t = new org.apache.batik.transcoder.image.PNGTranscoder();
            t.transcode(new org.apache.batik.transcoder.TranscoderInput(new java.io.StringReader(svg)),
                    new org.apache.batik.transcoder.TranscoderOutput(out));
            return out.toByteArray();
        } catch (IOException | org.apache.batik.transcoder.TranscoderException e) {
            throw new IllegalStateException("Could not draw the chart as a picture: " + e.getMessage(), e);
        }
    }

    private synchronized Path scripts() throws IOException {
        if (dir == null) {
            Path d = Files.createTempDirectory("trajectory-charts");
            d.toFile().deleteOnExit();
            copy("public/js/vega.min.js", d.resolve("node_modules/vega/index.js"));
            copy("public/js/vega-lite.min.js", d.resolve("node_modules/vega-lite/index.js"));
            Files.writeString(d.resolve("render.js"), SCRIPT);
            dir = d;
        }
        return dir;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = ChartSvg.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path (the build copies it from npm)");
            }
            Files.createDirectories(to.getParent());
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
