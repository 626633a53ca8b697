package org.jijukirwa.dashboard.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A dashboard user, from configuration:
 * <pre>
 * jijukirwa.users.&lt;name&gt;.password-hash: pbkdf2-sha256$...   (made by {@link PasswordHash})
 * jijukirwa.users.&lt;name&gt;.roles: [manager]
 * </pre>
 */
@EachProperty(UserAccount.PREFIX)
public record UserAccount(@Parameter String name, String passwordHash, @Nullable List<String> roles)
{
    public static final String PREFIX = "jijukirwa.users";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    public UserAccount
    {
        requireNonNull(name, "name is null");
        requireNonNull(passwordHash, "password-hash of user " + name + " is missing");
        if (!PasswordHash.isWellFormed(passwordHash)) {
            throw new IllegalArgumentException("password-hash of user " + name + " is not a PasswordHash string: store hashes, never passwords");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The roles the security rules see: an admin may do all that a manager may. */
    public List<String> grantedRoles()
    {
        if (roles.contains(ADMIN) && !roles.contains(MANAGER)) {
            return Stream.concat(roles.stream(), Stream.of(MANAGER)).toList();
        }
        return roles;
    }
}
