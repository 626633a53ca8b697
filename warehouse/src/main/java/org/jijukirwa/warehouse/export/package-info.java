/**
 * An answer as files: the one JSON form (also the API answer), RFC 4180 CSV, the Frictionless data package, file names.
 */
package org.jijukirwa.warehouse.export;
