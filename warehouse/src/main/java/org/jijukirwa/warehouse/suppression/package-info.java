/**
 * Small-cell suppression of the public view: one step that marks the cells of an answer's cells table. The disclosure
 * rule is swapped here.
 */
package org.jijukirwa.warehouse.suppression;
