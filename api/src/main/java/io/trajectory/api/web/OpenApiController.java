package io.trajectory.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;

/** The OpenAPI document generated at build time, at a short address: {@code /openapi.yml}. */
@Controller
@Hidden
public class OpenApiController {

    static final String DOCUMENT = "META-INF/swagger/trajectory-1.yml";

    @Get("/openapi.yml")
    @Produces("application/yaml")
    public HttpResponse<byte[]> openApi() throws IOException {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(in.readAllBytes());
        }
    }
}
