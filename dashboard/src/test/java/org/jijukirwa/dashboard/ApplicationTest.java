package org.jijukirwa.dashboard;

import org.jijukirwa.dashboard.security.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationTest
{
    @Test
    void warehouseAndPortOptionsBecomeProperties()
    {
        Map<String, Object> properties = new LinkedHashMap<>();

        assertThat(Application.readOptions(new String[] {"--warehouse", "/data/warehouse", "--port=9090", "-Dx=y"}, properties))
                .containsExactly("-Dx=y");
        assertThat(properties).containsExactly(
                Map.entry("jijukirwa.warehouse.directory", "/data/warehouse"),
                Map.entry("micronaut.server.port", "9090"));
    }

    @Test
    void aWarehouseFolderMustBeConfiguredBeforeTheServerStarts()
    {
        assertThat(Application.warehouseConfigured(new String[0], new LinkedHashMap<>())).isFalse();
        assertThat(Application.warehouseConfigured(new String[0], new LinkedHashMap<>(Map.of("jijukirwa.warehouse.directory", " ")))).isFalse();
        assertThat(Application.warehouseConfigured(new String[0], new LinkedHashMap<>(Map.of("jijukirwa.warehouse.directory", "/data/warehouse")))).isTrue();
        // Micronaut's own sources count too: a command-line property, as a config file or a system property would
        assertThat(Application.warehouseConfigured(new String[] {"-jijukirwa.warehouse.directory=/data/warehouse"}, new LinkedHashMap<>())).isTrue();
    }

    @Test
    void theDefaultDisclosureKeyIsCreatedOnceAndKept(@TempDir Path folder)
            throws Exception
    {
        Path file = folder.resolve("state/disclosure.key");
        assertThat(DisclosureKeyFile.loadOrCreate(file)).isEqualTo(file);
        String secret = Files.readString(file).strip();
        // 32 random bytes in hex, readable by the owner only
        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DisclosureKeyFile.loadOrCreate(file)).isEqualTo(file);
        assertThat(Files.readString(file).strip()).isEqualTo(secret);
    }

    @Test
    void theDefaultDisclosureKeyOptionIsReadAndYieldsToAConfiguredKey()
    {
        Map<String, Object> properties = new LinkedHashMap<>();
        assertThat(Application.readOptions(new String[] {"--default-disclosure-key-file", "/state/disclosure.key"}, properties)).isEmpty();
        assertThat(properties).containsExactly(Map.entry("--default-disclosure-key-file", "/state/disclosure.key"));
        assertThat(Application.configured(new String[0], new LinkedHashMap<>(), "jijukirwa.warehouse.disclosure-key-file")).isFalse();
        assertThat(Application.configured(new String[] {"-jijukirwa.warehouse.disclosure-key-file=/etc/key"}, new LinkedHashMap<>(),
                "jijukirwa.warehouse.disclosure-key-file")).isTrue();
    }

    @Test
    void theDemoEndsWithTheUrlTheAccountsTheDataAndHowToStop(@TempDir Path folder)
    {
        Path accountsFile = folder.resolve("state/demo-accounts.properties");
        DemoAccounts accounts = DemoAccounts.loadOrCreate(accountsFile);

        String block = Application.demoBlock("http://localhost:9090", accounts, folder.resolve("var/../var/warehouse"), accountsFile);

        assertThat(block.lines().toList()).containsExactly(
                "",
                "Jijukirwa demo: http://localhost:9090/",
                "Demo accounts (Sign in at the top of the dashboard; the public view needs none):",
                "  manager  password " + accounts.password("manager") + "   exact figures, the runs and the uploads",
                "  admin    password " + accounts.password("admin") + "   as manager, and the quarantine and the audit log",
                "Data: " + folder.resolve("var/warehouse") + " (the snapshots); " + folder.resolve("state") + " (HMAC key, disclosure key, demo accounts)",
                "Stop: Ctrl-C. Run ./jijukirwa demo again to start where you left off.");
    }

    @Test
    void commandLineWinsOverTheEnvironment()
    {
        Map<String, Object> properties = new LinkedHashMap<>(Map.of("jijukirwa.warehouse.directory", "/from/environment"));

        Application.readOptions(new String[] {"--warehouse=/from/command/line"}, properties);

        assertThat(properties).containsEntry("jijukirwa.warehouse.directory", "/from/command/line");
    }

    @Test
    void optionWithoutValueOrBadPortIsRefused()
    {
        assertThatThrownBy(() -> Application.readOptions(new String[] {"--warehouse"}, new LinkedHashMap<>()))
                .hasMessageContaining("--warehouse needs a value");
        assertThatThrownBy(() -> Application.readOptions(new String[] {"--port", "eighty"}, new LinkedHashMap<>()))
                .hasMessageContaining("--port needs a port number");
    }
}
