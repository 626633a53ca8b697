/**
 * What can be asked: the indicator catalogue (one {@link org.jijukirwa.warehouse.indicator.Indicator} line each), the facts
 * it counts (one SQL file each, sql/facts), the dimensions, grains and periods, and the parsed request. Reads no other package.
 */
package org.jijukirwa.warehouse.indicator;
