package org.jijukirwa.dashboard.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in form's session over real HTTP: the cookie and its flags, the figures and pages it opens, CSRF on every
 * change it signs, sign-out that ends it for good, the throttle and the audit log. In the small programme, active
 * members by district are Gasabo 3, Kicukiro 7, Nyarugenge 6: the public view hides Gasabo (3 &lt; k = 5).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTest
{
    private static final String COOKIE = "jijukirwa_session";
    private static final String MEMBERS_BY_DISTRICT = "/api/v1/indicators/members_active?by=district";

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("session", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse));

    /** A signed-in browser: the session cookie's value and the CSRF token the sign-in gave. */
    private record Session(String cookie, String csrfToken, ApiClient.Response signIn)
    {
        <T> MutableHttpRequest<T> sign(MutableHttpRequest<T> request)
        {
            return request.cookie(Cookie.of(COOKIE, cookie));
        }
    }

    @Test
    void aVisitorHasNoSessionAndThePublicView()
    {
        ApiClient.Response response = server.api().get("/api/v1/session");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(ApiClient.json("""
                {"user": null, "roles": [], "view": "public", "csrf_token": null}"""));
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieThatIsNotSecureOverPlainHttp()
    {
        Session session = signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(session.signIn().status()).isEqualTo(200);
        JsonNode body = session.signIn().json();
        assertThat(body.get("user").asText()).isEqualTo(TestUsers.MANAGER);
        assertThat(body.get("view").asText()).isEqualTo("unsuppressed");
        assertThat(body.get("csrf_token").asText()).hasSizeGreaterThan(20);
        String setCookie = setCookie(session.signIn());
        assertThat(setCookie).startsWith(COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .contains("Max-Age=28800").doesNotContainIgnoringCase("Secure");
        // signed (HMAC-SHA256), not a plain token anyone could write
        assertThat(new String(Base64.getUrlDecoder().decode(session.cookie().substring(0, session.cookie().indexOf('.'))), StandardCharsets.UTF_8))
                .contains("\"alg\":\"HS256\"");
        assertThat(session.signIn().header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theSessionCookieSignsInTheRequestsOfTheBrowser()
    {
        Session session = signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        ApiClient.Response who = server.api().send(session.sign(HttpRequest.GET("/api/v1/session")));
        assertThat(who.json()).isEqualTo(ApiClient.json("""
                {"user": "maria", "roles": ["manager"], "view": "unsuppressed", "csrf_token": "%s"}""".formatted(session.csrfToken())));
        assertThat(server.api().send(session.sign(HttpRequest.GET("/api/v1/runs"))).status()).isEqualTo(200);
    }

    @Test
    void aManagersSessionGetsUnsuppressedFiguresThatNoCacheKeeps()
    {
        Session session = signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        ApiClient.Response manager = server.api().send(session.sign(HttpRequest.GET(MEMBERS_BY_DISTRICT)));
        ApiClient.Response visitor = server.api().get(MEMBERS_BY_DISTRICT);

        assertThat(manager.json().get("rows").get(0).toString()).isEqualTo(
                "{\"district\":\"Gasabo\",\"numerator\":3,\"denominator\":null,\"value\":3,\"suppressed\":false}");
        assertProtected(visitor);
        assertThat(manager.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(visitor.header("Cache-Control")).isNull();
        assertThat(visitor.header("Vary")).contains("Cookie").contains("Authorization");
    }

    @Test
    void anAdminIsAManagerToo()
    {
        Session session = signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        assertThat(session.signIn().json().get("roles").toString()).isEqualTo("[\"admin\",\"manager\"]");
        assertThat(session.signIn().json().get("view").asText()).isEqualTo("unsuppressed");
        assertThat(server.api().send(session.sign(HttpRequest.GET("/api/v1/quarantine"))).status()).isEqualTo(200);
    }

    @Test
    void aUserWithoutTheManagerRoleKeepsThePublicViewAndIsForbiddenTheRuns()
    {
        Session session = signIn(TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD);

        assertThat(session.signIn().json().get("view").asText()).isEqualTo("public");
        ApiClient.Response runs = server.api().send(session.sign(HttpRequest.GET("/api/v1/runs")));
        assertThat(runs.status()).isEqualTo(403);
        assertThat(runs.json().get("error").asText()).isEqualTo("Your account may not see this.");
    }

    @Test
    void aChangeSignedByTheCookieWithoutItsCsrfTokenIsRefused()
    {
        Session session = signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        Session other = signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        ApiClient.Response without = server.api().send(session.sign(HttpRequest.DELETE("/api/v1/session")));
        ApiClient.Response wrong = server.api().send(session.sign(HttpRequest.DELETE("/api/v1/session")).header(CsrfFilter.HEADER, "forged"));
        ApiClient.Response anotherSessions = server.api().send(session.sign(HttpRequest.DELETE("/api/v1/session"))
                .header(CsrfFilter.HEADER, other.csrfToken()));

        for (ApiClient.Response refused : List.of(without, wrong, anotherSessions)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo(CsrfFilter.REFUSED);
        }
        // still signed in
        assertThat(server.api().send(session.sign(HttpRequest.GET("/api/v1/session"))).json().get("user").asText()).isEqualTo(TestUsers.MANAGER);
    }

    @Test
    void basicAuthNeedsNoCsrfToken()
    {
        ApiClient.Response response = server.api().send(HttpRequest.DELETE("/api/v1/session").basicAuth(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void signingOutClearsTheCookieAndEndsTheSessionEvenIfTheCookieIsReplayed()
    {
        Session session = signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        ApiClient.Response out = server.api().send(session.sign(HttpRequest.DELETE("/api/v1/session")).header(CsrfFilter.HEADER, session.csrfToken()));

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().get("user").isNull()).isTrue();
        assertThat(setCookie(out)).startsWith(COOKIE + "=;").contains("Max-Age=0");
        assertThat(server.api().send(session.sign(HttpRequest.DELETE("/api/v1/session")).header(CsrfFilter.HEADER, session.csrfToken())).json()
                .get("user").isNull()).as("signing out again is harmless").isTrue();
        ApiClient.Response replayed = server.api().send(session.sign(HttpRequest.GET("/api/v1/runs")));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(server.api().send(session.sign(HttpRequest.GET("/api/v1/session"))).json().get("user").isNull()).isTrue();
        assertProtected(server.api().send(session.sign(HttpRequest.GET(MEMBERS_BY_DISTRICT))));
    }

    @Test
    void anUnsignedCookieSignsNobodyIn()
    {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString("{\"sub\":\"maria\",\"roles\":[\"manager\"],\"sid\":\"made-up\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8)) + ".";

        ApiClient.Response response = server.api().send(HttpRequest.GET("/api/v1/runs").cookie(Cookie.of(COOKIE, unsigned)));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("Sign in to see this.");
        assertThat(response.header("WWW-Authenticate")).as("no browser prompt over the sign-in page").isNull();
    }

    @Test
    void aSessionTokenWhosePayloadWasChangedSignsNobodyIn()
    {
        Session session = signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
        String[] parts = session.cookie().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"manager\"");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("\"manager\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));

        ApiClient.Response response = server.api().send(HttpRequest.GET("/api/v1/audit").cookie(Cookie.of(COOKIE, parts[0] + "." + promoted + "." + parts[2])));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401WithAMessageAndSetsNoCookie()
    {
        ApiClient.Response response = post(Map.of("user", TestUsers.MANAGER, "password", "not-it"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("The user name or password is wrong.");
        assertThat(response.response().getHeaders().getAll("Set-Cookie")).isEmpty();
    }

    @Test
    void aSignInWithoutAPasswordOrNotInJsonIsRefusedWithAMessage()
    {
        ApiClient.Response noPassword = post(Map.of("user", TestUsers.MANAGER));
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json()).isEqualTo(ApiClient.json("""
                {"error": "Give a user name and a password.", "parameter": "password"}"""));

        ApiClient.Response malformed = server.api().send(HttpRequest.POST("/api/v1/session", "{\"user\": ").contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isNotBlank();

        // what another site's HTML form could send
        ApiClient.Response form = server.api().send(HttpRequest.POST("/api/v1/session", "user=maria&password=" + TestUsers.MANAGER_PASSWORD)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.response().getHeaders().getAll("Set-Cookie")).isEmpty();
    }

    @Test
    void fiveWrongPasswordsInTheFormLockTheNameEvenAgainstTheRightOne()
    {
        for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_FAILURES; attempt++) {
            assertThat(post(Map.of("user", "lena", "password", "guess-" + attempt)).status()).isEqualTo(401);
        }

        ApiClient.Response locked = post(Map.of("user", "lena", "password", "guess"));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("30");
        assertThat(locked.json().get("error").asText()).isEqualTo("Too many failed sign-ins: try again in 30 s.");
        // the form and Basic auth share the throttle
        assertThat(server.api().get("/api/v1/runs", "lena", "guess").status()).isEqualTo(429);
    }

    @Test
    void theAuditLogRecordsSignInsFailuresSignOutsQuarantineViewsAndUnsuppressedDownloads()
    {
        Session session = signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        post(Map.of("user", TestUsers.ADMIN, "password", "typo"));
        server.api().send(session.sign(HttpRequest.GET("/api/v1/quarantine?dataset=members")));
        server.api().send(session.sign(HttpRequest.GET("/api/v1/export/members_active.csv?by=district")));
        server.api().get("/api/v1/export/members_active.csv?by=sex");
        server.api().send(session.sign(HttpRequest.DELETE("/api/v1/session")).header(CsrfFilter.HEADER, session.csrfToken()));

        ApiClient.Response response = server.api().get("/api/v1/audit?limit=1000", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        List<String> admins = new ArrayList<>();
        for (JsonNode entry : response.json().get("entries")) {
            if (TestUsers.ADMIN.equals(entry.get("user").asText())) {
                admins.add(entry.get("action").asText() + " " + entry.get("detail").asText());
            }
            assertThat(entry.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(entry.get("address").asText()).isEqualTo("127.0.0.1");
        }
        // newest first; Basic auth is recorded at its first verification only; the public download is nobody's
        assertThat(admins).contains("sign-in basic auth");
        assertThat(admins).containsSubsequence(
                "sign-out sign-in form",
                "export-unsuppressed /api/v1/export/members_active.csv?by=district",
                "quarantine-view dataset=members file=(all) reason=(all) offset=0 rows=0",
                "sign-in-failed sign-in form",
                "sign-in sign-in form");
        assertThat(response.body()).doesNotContain("by=sex").doesNotContain("typo").doesNotContain(TestUsers.ADMIN_PASSWORD);
    }

    @Test
    void theAuditLogIsForAdminsOnly()
    {
        Session manager = signIn(TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        ApiClient.Response anonymous = server.api().get("/api/v1/audit");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asText()).isEqualTo("Sign in to see this.");
        assertThat(server.api().send(manager.sign(HttpRequest.GET("/api/v1/audit"))).status()).isEqualTo(403);
        assertThat(server.api().get("/api/v1/audit", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void theAuditLogTakesALimitAndRefusesABadOneWithAMessage()
    {
        ApiClient.Response two = server.api().get("/api/v1/audit?limit=2", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(two.status()).isEqualTo(200);
        assertThat(two.json().get("limit").asInt()).isEqualTo(2);
        assertThat(two.json().get("entries")).hasSize(2);

        for (String bad : List.of("0", "all", "10001", "-1")) {
            ApiClient.Response response = server.api().get("/api/v1/audit?limit=" + bad, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json()).as(bad).isEqualTo(ApiClient.json("""
                    {"error": "limit must be a whole number from 1 to 10000, not '%s'.", "parameter": "limit"}""".formatted(bad)));
        }
        ApiClient.Response unknown = server.api().get("/api/v1/audit?user=maria", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("parameter").asText()).isEqualTo("user");
    }

    private ApiClient.Response post(Map<String, String> form)
    {
        return server.api().send(HttpRequest.POST("/api/v1/session", form).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private Session signIn(String user, String password)
    {
        ApiClient.Response response = post(Map.of("user", user, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String setCookie = setCookie(response);
        String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new Session(value, response.json().get("csrf_token").asText(), response);
    }

    /** The session cookie's Set-Cookie header (sign-out also clears Micronaut's refresh-token cookie, which is never set). */
    private static String setCookie(ApiClient.Response response)
    {
        List<String> cookies = response.response().getHeaders().getAll("Set-Cookie").stream().filter(cookie -> cookie.startsWith(COOKIE + "=")).toList();
        assertThat(cookies).hasSize(1);
        return cookies.get(0);
    }

    /** The public view: every count of people rounded to a multiple of k = 5 (docs/disclosure.md), so Gasabo's exact 3 is not shown. */
    private static void assertProtected(ApiClient.Response answer)
    {
        assertThat(answer.json().get("rows")).allSatisfy(row -> {
            assertThat(row.get("value").asLong() % 5).as(row.toString()).isZero();
            assertThat(row.get("suppressed").asBoolean()).isFalse();
        });
    }
}
