package org.jijukirwa.dashboard.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.jijukirwa.warehouse.answer.Audience;

import java.util.List;

/**
 * Who the request is signed in as: {@code {"user": "maria", "roles": ["manager"], "view": "unsuppressed", "csrf_token": "..."}};
 * a visitor has a null user, no roles and the public view. The CSRF token is that of the sign-in form's session (null for
 * Basic auth, which needs none).
 *
 * @param view {@code public} (small counts suppressed) or {@code unsuppressed}: the figures this user is served
 */
@Serdeable
public record SessionResponse(@Nullable String user, List<String> roles, String view,
                              @JsonProperty("csrf_token") @Nullable String csrfToken)
{
    public static final String PUBLIC_VIEW = "public";
    public static final String UNSUPPRESSED_VIEW = "unsuppressed";

    static SessionResponse of(@Nullable Authentication authentication, @Nullable String csrfToken)
    {
        if (authentication == null) {
            return new SessionResponse(null, List.of(), PUBLIC_VIEW, null);
        }
        String view = Audiences.of(authentication) == Audience.MANAGER ? UNSUPPRESSED_VIEW : PUBLIC_VIEW;
        return new SessionResponse(authentication.getName(), List.copyOf(authentication.getRoles()), view, csrfToken);
    }
}
