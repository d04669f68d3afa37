/**
 * The demo simulator of the embedded default: the departments' approval systems, played by the application itself,
 * send a realistic stream of approval-case events for the demo catalogue through the real API
 * ({@code POST /api/approval-events} over HTTP, as each department's machine user), so that a new user sees cases
 * advance and cards appear within minutes. On with the demo data, off with
 * {@code supervision.approval.simulator.enabled=false}. It is a client of the API, nothing more: it uses no internals
 * of the intake, and the catalogue only to know which items exist.
 */
package org.opensupervision.approval.simulator;
