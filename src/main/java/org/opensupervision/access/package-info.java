/**
 * Who may see and do what: the staff groups, the scope of a staff user over complaints, and the Camunda
 * authorizations that give each group exactly its part of the engine. The matrix is written in
 * {@code docs/security.md}.
 */
@ApplicationModule(allowedDependencies = {"department", "workflow"})
package org.opensupervision.access;

import org.springframework.modulith.ApplicationModule;
