-- H2 only (the postgres profile runs db/migration-postgres instead): a published evaluation result and a correction
-- are never updated (the Java trigger org.opensupervision.evaluation.h2.PublishedEvaluationGuard); a correction after
-- publication is a new version, inserted.
create trigger evaluation_run_published_never_changes before update on evaluation_run
    for each row call 'org.opensupervision.evaluation.h2.PublishedEvaluationGuard';
create trigger evaluation_correction_append_only before update on evaluation_correction
    for each row call 'org.opensupervision.evaluation.h2.PublishedEvaluationGuard';
