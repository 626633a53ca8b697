/** The quarterly donor report: its page (/report, a bundle of the front end) and its PDF, printed by headless Chromium. */
package org.jijukirwa.dashboard.report;
