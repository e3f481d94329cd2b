package io.trajectory.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Trajectory service. Besides Micronaut's own {@code -key=value} options it understands
 * {@code --data DIR}, {@code --port N} and {@code --anonymous-read}, which the
 * {@code ./trajectory serve} launcher passes.
 */
@OpenAPIDefinition(info = @Info(title = "Trajectory", version = "1",
        description = "Trend, trajectory-gap and cross-quarter questions over a council's published performance "
                + "warehouse, each answered with data, a Vega-Lite chart and metadata; CSV and Arrow extracts."))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data") && i + 1 < args.length) {
                properties.put("trajectory.data-dir", args[++i]);
            } else if (a.equals("--port") && i + 1 < args.length) {
                properties.put("micronaut.server.port", Integer.parseInt(args[++i]));
            } else if (a.equals("--anonymous-read")) {
                properties.put("trajectory.security.anonymous-read", true);
            } else {
                rest.add(a);
            }
        }
        Micronaut.build(rest.toArray(String[]::new))
                .mainClass(Application.class)
                .properties(properties)
                .banner(false)
                .start();
    }
}
