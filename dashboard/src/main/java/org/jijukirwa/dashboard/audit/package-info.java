/** The audit log: who did what and when (sign-ins, uploads, runs, quarantine views, unsuppressed downloads), for admins. */
package org.jijukirwa.dashboard.audit;
