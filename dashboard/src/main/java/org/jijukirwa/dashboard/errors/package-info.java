/** The one error body ({@link org.jijukirwa.dashboard.errors.ApiError}) and the mapping of exceptions to statuses. */
package org.jijukirwa.dashboard.errors;
