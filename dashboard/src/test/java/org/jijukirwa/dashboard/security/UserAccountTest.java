package org.jijukirwa.dashboard.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountTest
{
    private static final String HASH = PasswordHash.create("password", 1_000);

    @Test
    void adminAlsoHoldsTheManagerRole()
    {
        assertThat(new UserAccount("ange", HASH, List.of("admin")).grantedRoles()).containsExactlyInAnyOrder("admin", "manager");
        assertThat(new UserAccount("maria", HASH, List.of("manager")).grantedRoles()).containsExactly("manager");
        assertThat(new UserAccount("olivier", HASH, null).grantedRoles()).isEmpty();
    }

    @Test
    void aPlaintextPasswordInConfigurationIsRefused()
    {
        assertThatThrownBy(() -> new UserAccount("maria", "maria-password", List.of("manager")))
                .hasMessageContaining("maria")
                .hasMessageContaining("never passwords");
    }
}
