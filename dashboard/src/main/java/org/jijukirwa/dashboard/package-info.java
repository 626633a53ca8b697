/**
 * The dashboard server: {@link org.jijukirwa.dashboard.Application} (the command line), the warehouse it opens
 * ({@link org.jijukirwa.dashboard.WarehouseConfiguration}, {@link org.jijukirwa.dashboard.WarehouseFactory}) and the
 * poller that switches to each newly published snapshot. The sub-packages hold one job each and never import this
 * package: {@code api} (indicators, reference data, health), {@code export} (files and IATI), {@code runs} and
 * {@code quarantine} (what managers and admins see), {@code security} (accounts, sign-in, response headers),
 * {@code errors} (the error body every endpoint answers with) and {@code docs} (the OpenAPI description, Swagger UI).
 */
package org.jijukirwa.dashboard;
