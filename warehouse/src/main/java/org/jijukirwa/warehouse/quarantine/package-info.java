/**
 * The admins' page of the quarantine: rejected rows with their raw text, read from the snapshot's files per request and
 * never loaded into its database.
 */
package org.jijukirwa.warehouse.quarantine;
