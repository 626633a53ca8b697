/**
 * One published snapshot loaded into its own DuckDB database: the SQL models and aggregates (sql/), its reference data, its
 * data tests and the run reports. Reads the indicator package only.
 */
package org.jijukirwa.warehouse.snapshot;
