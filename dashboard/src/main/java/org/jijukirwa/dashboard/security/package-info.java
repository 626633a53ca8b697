/** User accounts and password hashes, Basic sign-in, the demo accounts, who sees which audience, and the security headers. */
package org.jijukirwa.dashboard.security;
