/**
 * Read models for supervisors: the department dashboard and the monthly KPIs, assembled from the query APIs of the
 * modules that own the data ({@link org.opensupervision.complaint.ComplaintFigures},
 * {@link org.opensupervision.rating.RatingFigures}; each query reads an index only, see db/migration V5). No SQL over
 * another module's tables here; its own table, {@code kpi_month_figures}, keeps the final KPI months (computed once,
 * {@link org.opensupervision.dashboard.SupervisionDashboards#kpiMonth}). Scoped like the complaint list through
 * {@link org.opensupervision.complaint.ComplaintAccess}.
 */
@ApplicationModule(allowedDependencies = {"access", "calendar", "complaint", "department", "rating", "web"})
package org.opensupervision.dashboard;

import org.springframework.modulith.ApplicationModule;
