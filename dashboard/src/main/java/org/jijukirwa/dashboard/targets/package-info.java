/** The programme's targets: admins edit them in the dashboard; the next ingest run loads them with the bundled reference tables. */
package org.jijukirwa.dashboard.targets;
