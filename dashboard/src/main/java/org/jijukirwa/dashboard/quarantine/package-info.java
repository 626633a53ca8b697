/** The quarantined rows with their reasons, for admins (they hold personal data). */
package org.jijukirwa.dashboard.quarantine;
