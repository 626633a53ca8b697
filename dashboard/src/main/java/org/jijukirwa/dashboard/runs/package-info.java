/** The ingest runs' reports, for managers. */
package org.jijukirwa.dashboard.runs;
