package io.trajectory.api.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query-string pieces for the links pages make in Java (templates use Thymeleaf's {@code @{...}}). */
final class Links {

    private Links() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
