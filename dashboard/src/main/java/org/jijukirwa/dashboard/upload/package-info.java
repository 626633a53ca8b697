/** Field files uploaded from the browser: checked, stored content-addressed in the inbox beside the warehouse, then queued for a run. */
package org.jijukirwa.dashboard.upload;
