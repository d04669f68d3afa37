/**
 * Read models for supervisors: the department dashboard and the monthly KPIs, aggregated in SQL over the complaint,
 * deadline-breach and rating tables (each query reads an index only, see db/migration V5). Scoped like the complaint
 * list through {@link org.opensupervision.complaint.ComplaintAccess}.
 */
@ApplicationModule(allowedDependencies = {"access", "calendar", "complaint", "department", "web"})
package org.opensupervision.dashboard;

import org.springframework.modulith.ApplicationModule;
