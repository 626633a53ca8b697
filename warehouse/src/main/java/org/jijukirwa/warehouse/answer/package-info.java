/**
 * One request answered on one snapshot: resolved against the catalogue and the snapshot, its SQL generated (the catalogue's
 * measures over a fact, value computed in SQL), run into the answer's cells, suppressed where the audience needs it, read.
 */
package org.jijukirwa.warehouse.answer;
