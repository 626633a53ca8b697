/**
 * The admins' page of the quarantine: rejected rows with their raw text, read from the snapshot's files per request and
 * never loaded into its database. And, for everyone, the data quality per dataset and district in a period
 * ({@link org.jijukirwa.warehouse.quarantine.QualityReader}): counts only, never a row's text.
 */
package org.jijukirwa.warehouse.quarantine;
