/**
 * User accounts and password hashes, Basic sign-in and the sign-in form's session (cookie, CSRF token, sign-out), the
 * lockout of failed sign-ins, the demo accounts, who sees which audience, and the security and caching headers.
 */
package org.jijukirwa.dashboard.security;
