/** Counts of what the ingest accepted and rejected, for everyone: no rejected row itself, only numbers. */
package org.jijukirwa.dashboard.quality;
