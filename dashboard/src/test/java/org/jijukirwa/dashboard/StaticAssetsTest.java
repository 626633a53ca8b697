package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production build of the front end (what Maven's npm run build puts in the served public folder) ships no
 * source map: the bundle names none, the map's URL is a 404, and no .map file is on the class path's public folder.
 * npm run build:dev makes one for debugging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticAssetsTest
{
    @RegisterExtension
    final DashboardServer server = DashboardServer.overEmptyWarehouse("static");

    @Test
    void bundleIsServedWithoutASourceMap()
    {
        ApiClient client = server.api();
        ApiClient.Response page = client.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("src=\"assets/app.js\"");

        ApiClient.Response bundle = client.get("/assets/app.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).hasSizeGreaterThan(100_000);
        assertThat(bundle.body().contains("sourceMappingURL")).as("the bundle names a source map").isFalse();
        // the licences of the bundled libraries are shipped beside it
        assertThat(client.get("/assets/app.js.LEGAL.txt").status()).isEqualTo(200);

        assertThat(client.get("/assets/app.js.map").status()).isEqualTo(404);
    }

    @Test
    void servedFolderHoldsNoSourceMap()
            throws IOException, URISyntaxException
    {
        Path folder = Path.of(getClass().getClassLoader().getResource("public").toURI());
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> maps = files.map(path -> folder.relativize(path).toString()).filter(name -> name.endsWith(".map")).toList();
            assertThat(maps).isEmpty();
        }
        assertThat(folder.resolve("assets/app.js")).isRegularFile();
    }

    @Test
    void theFaviconThatBrowsersAskForByThemselvesIsTheSvgIcon()
            throws IOException, InterruptedException
    {
        // a client that does not follow redirects (Micronaut's does)
        java.net.http.HttpResponse<Void> ico = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/favicon.ico")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(ico.statusCode()).isEqualTo(308);
        assertThat(ico.headers().firstValue("Location")).hasValue("/favicon.svg");
        ApiClient.Response svg = server.api().get("/favicon.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    }
}
