/** File exports of an indicator answer (CSV, JSON, Parquet, Frictionless Data Package) and the IATI results document. */
package org.jijukirwa.dashboard.export;
