/**
 * The warehouse's entry point: {@link org.jijukirwa.warehouse.Warehouse} (opened once per process, thread-safe) and its
 * settings. The dashboard calls it with the value types it takes and returns (an IndicatorQuery, an IndicatorAnswer or
 * an AnswerCursor, the export writers), never SQL or JDBC. It wires the packages below, each one job, none reading one
 * above it: indicator (what can be asked), snapshot (one loaded snapshot), disclosure (the
 * rounding that protects the public's person counts), answer (one request on one
 * snapshot), export (an answer as files), cooperative (one cooperative's story and the lists behind cells), quarantine (the admins' rejected rows).
 */
package org.jijukirwa.warehouse;
