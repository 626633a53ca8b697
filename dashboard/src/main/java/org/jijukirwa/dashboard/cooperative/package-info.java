/**
 * The cooperative endpoints: search and one cooperative's page for anyone (its people counts for managers only), and
 * the managers' list of the cooperatives behind a cell as JSON or CSV.
 */
package org.jijukirwa.dashboard.cooperative;
