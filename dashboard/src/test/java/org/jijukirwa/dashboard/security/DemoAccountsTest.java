package org.jijukirwa.dashboard.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoAccountsTest
{
    @TempDir
    Path folder;

    @Test
    void firstRunCreatesAnOwnerOnlyFileThatLaterRunsReadBack()
            throws Exception
    {
        Path file = folder.resolve("state/demo-accounts.properties");

        DemoAccounts created = DemoAccounts.loadOrCreate(file);
        DemoAccounts readBack = DemoAccounts.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(created.password("manager")).hasSize(16).isEqualTo(readBack.password("manager"));
        assertThat(created.password("admin")).hasSize(16).isEqualTo(readBack.password("admin")).isNotEqualTo(created.password("manager"));
        assertThat(created.describe()).contains(created.password("manager"), created.password("admin"));
    }

    @Test
    void serverConfigurationHoldsHashesNotPasswords()
    {
        DemoAccounts accounts = DemoAccounts.loadOrCreate(folder.resolve("demo-accounts.properties"));

        Map<String, Object> properties = accounts.userProperties();

        assertThat(properties).containsOnlyKeys("jijukirwa.users.manager.password-hash", "jijukirwa.users.manager.roles",
                "jijukirwa.users.admin.password-hash", "jijukirwa.users.admin.roles");
        assertThat(properties).containsEntry("jijukirwa.users.manager.roles", "manager").containsEntry("jijukirwa.users.admin.roles", "admin");
        String managerHash = properties.get("jijukirwa.users.manager.password-hash").toString();
        assertThat(managerHash).doesNotContain(accounts.password("manager"));
        assertThat(PasswordHash.matches(accounts.password("manager"), managerHash)).isTrue();
        assertThat(PasswordHash.matches(accounts.password("admin"), managerHash)).isFalse();
    }
}
