/** The public JSON API: the indicator catalogue and answers, the reference lists and the health check. */
package org.jijukirwa.dashboard.api;
