package org.jijukirwa.dashboard.docs;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/**
 * {@code GET /favicon.ico}: a browser asks for it by itself on a page that names no icon (a JSON answer opened in a
 * tab); the dashboard's icon is {@code /favicon.svg}, so the answer is a permanent redirect (308) to it rather than a 404
 * in the console.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
public final class FaviconController
{
    @Get("/favicon.ico")
    public HttpResponse<?> favicon()
    {
        return HttpResponse.permanentRedirect(URI.create("/favicon.svg")).header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }
}
