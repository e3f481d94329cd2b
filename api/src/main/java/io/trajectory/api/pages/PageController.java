package io.trajectory.api.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the scrutiny pages: a problem with one of its requests (a bad parameter,
 * no snapshot yet) is answered with a page that names it ({@link PageProblems}), not problem+json.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PageController {
}
