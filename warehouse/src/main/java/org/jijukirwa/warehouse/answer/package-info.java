/**
 * One request answered on one snapshot: resolved against the catalogue and the snapshot, its SQL generated (the catalogue's
 * measures over a fact, value computed in SQL), protected for the public where it counts people
 * (docs/disclosure.md), run into the answer's cells, read.
 */
package org.jijukirwa.warehouse.answer;
