/** The ingest runs the dashboard starts: queued, one at a time, each in its own JVM as the launcher starts it. */
package org.jijukirwa.dashboard.runqueue;
