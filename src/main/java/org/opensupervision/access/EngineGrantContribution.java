package org.opensupervision.access;

/**
 * A module's share of the standing Camunda authorizations: the grants its own models need (a department reads the
 * diagram of the model that gives it tasks, the discipline inspectors work their model). Each module that owns a model
 * declares them in a bean of this type, so {@code access} writes them without knowing the module or its process keys
 * (issue 15: {@code access} used to name {@code rating}'s key and closed a module cycle through an inlined constant).
 * The groups' own grants (Tasklist, Cockpit, the directory) stay in {@code access}.
 */
public interface EngineGrantContribution {

    /**
     * Adds this module's grants.
     *
     * @param grants where to add them; written at start-up together with the groups' own grants
     */
    void contribute(EngineGrants grants);
}
