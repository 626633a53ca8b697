/**
 * Where a figure comes from: its indicator's definition, the snapshot, the ingest runs and input files that built the
 * snapshot, the reference files, and whether protection applied ({@link org.jijukirwa.warehouse.lineage.Lineage}).
 */
package org.jijukirwa.warehouse.lineage;
