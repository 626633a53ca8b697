package org.jijukirwa.dashboard;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jijukirwa.dashboard.security.PasswordHash;
import org.jijukirwa.dashboard.security.UserAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration records bind from properties, with the documented defaults. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationTest
        implements TestPropertyProvider
{
    private Path warehouse;
    private final String hash = PasswordHash.create("pw", 1_000);

    @Inject
    WarehouseConfiguration warehouseConfiguration;

    @Inject
    List<UserAccount> users;

    @Override
    public Map<String, String> getProperties()
    {
        try {
            warehouse = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "warehouse-configuration-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "jijukirwa.warehouse.directory", warehouse.toString(),
                "jijukirwa.users.maria.password-hash", hash,
                "jijukirwa.users.maria.roles", "manager,admin");
    }

    @Test
    void warehouseDefaultsAreKFiveATwoSecondPoll320MegabytesForDuckDbAQuerySlotPerCoreAndMeasuredCellBounds()
    {
        assertThat(warehouseConfiguration).isEqualTo(new WarehouseConfiguration(warehouse, 5, Duration.ofSeconds(2), "320MB", 0, Duration.ofSeconds(5), 8, 50_000, 200_000, null));
        assertThat(warehouseConfiguration.settings().querySlots()).isEqualTo(Runtime.getRuntime().availableProcessors());
        // no disclosure key unless configured: the public is then refused its person counts
        assertThat(warehouseConfiguration.settings().disclosureSecret()).isEmpty();
    }

    @Test
    void aMemoryLimitDuckDbCannotReadIsRefusedNamingTheSetting()
    {
        WarehouseConfiguration configuration = new WarehouseConfiguration(warehouse, 5, Duration.ofSeconds(2), "lots", 2, Duration.ofSeconds(5), 2, 50_000, 200_000, null);
        assertThatThrownBy(configuration::settings)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jijukirwa.warehouse")
                .hasMessageContaining("lots");
    }

    @Test
    void theDisclosureKeyIsTheTrimmedContentOfItsFileAndAMissingOrEmptyFileIsRefused(@TempDir Path folder)
            throws Exception
    {
        Path key = Files.writeString(folder.resolve("disclosure.key"), "  s3cret \n");
        assertThat(new WarehouseConfiguration(warehouse, 5, Duration.ofSeconds(2), "320MB", 2, Duration.ofSeconds(5), 2, 50_000, 200_000, key).settings().disclosureSecret()).contains("s3cret");

        Path empty = Files.writeString(folder.resolve("empty.key"), " \n");
        assertThatThrownBy(new WarehouseConfiguration(warehouse, 5, Duration.ofSeconds(2), "320MB", 2, Duration.ofSeconds(5), 2, 50_000, 200_000, empty)::settings)
                .hasMessageContaining("jijukirwa.warehouse.disclosure-key-file").hasMessageContaining("empty");
        Path missing = folder.resolve("missing.key");
        assertThatThrownBy(new WarehouseConfiguration(warehouse, 5, Duration.ofSeconds(2), "320MB", 2, Duration.ofSeconds(5), 2, 50_000, 200_000, missing)::settings)
                .hasMessageContaining("jijukirwa.warehouse.disclosure-key-file").hasMessageContaining("cannot read");
    }

    @Test
    void usersAreNamedByTheirKey()
    {
        assertThat(users).containsExactly(new UserAccount("maria", hash, List.of("manager", "admin")));
    }
}
