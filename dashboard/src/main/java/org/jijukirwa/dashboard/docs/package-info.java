/** The OpenAPI description of the API as a whole and the Swagger UI page that shows it. */
package org.jijukirwa.dashboard.docs;
