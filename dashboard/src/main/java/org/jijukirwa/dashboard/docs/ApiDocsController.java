package org.jijukirwa.dashboard.docs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API's description: the OpenAPI document made at compile time by micronaut-openapi, and Swagger UI
 * from its webjar (no CDN). Only the files Swagger UI needs are served, each from a fixed place.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public final class ApiDocsController
{
    static final String OPENAPI_PATH = "/api/v1/openapi.yml";
    static final String DOCS_PATH = "/api/docs";

    private static final MediaType YAML = MediaType.of("application/yaml");
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, MediaType> WEBJAR_FILES = Map.of(
            "swagger-ui.css", MediaType.of("text/css"),
            "index.css", MediaType.of("text/css"),
            "swagger-ui-bundle.js", MediaType.of("text/javascript"),
            "favicon-32x32.png", MediaType.IMAGE_PNG_TYPE);

    private final String swaggerUiFolder = WEBJAR + swaggerUiVersion() + "/";

    @Get(uri = OPENAPI_PATH, produces = "application/yaml")
    public HttpResponse<byte[]> openApi()
    {
        return resource("META-INF/swagger/openapi.yml", YAML);
    }

    @Get(uri = DOCS_PATH, produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> page()
    {
        return resource("api-docs/index.html", MediaType.TEXT_HTML_TYPE);
    }

    @Get(uri = DOCS_PATH + "/initializer.js", produces = "text/javascript")
    public HttpResponse<byte[]> initializer()
    {
        return resource("api-docs/initializer.js", MediaType.of("text/javascript"));
    }

    @Get(uri = DOCS_PATH + "/{file}")
    public HttpResponse<byte[]> swaggerUi(String file)
    {
        MediaType mediaType = WEBJAR_FILES.get(file);
        if (mediaType == null) {
            return HttpResponse.notFound();
        }
        return resource(swaggerUiFolder + file, mediaType);
    }

    private static HttpResponse<byte[]> resource(String name, MediaType mediaType)
    {
        try (InputStream input = ApiDocsController.class.getClassLoader().getResourceAsStream(name)) {
            if (input == null) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(input.readAllBytes()).contentType(mediaType);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The webjar's version, from its Maven metadata, so that a version bump needs only the pom. */
    private static String swaggerUiVersion()
    {
        try (InputStream input = ApiDocsController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (input == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(input);
            return properties.getProperty("version");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the swagger-ui webjar's version", e);
        }
    }
}
