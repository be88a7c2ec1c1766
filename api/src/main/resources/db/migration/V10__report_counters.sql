-- A report is configuration (compared; re-evaluated only when it changes) and counters (the latest
-- readings, stored on every report): node.counters holds the latter, compactly (NodeCounters, JSON);
-- node.report the configuration as of its last change. Null: the report's own counters are current.
alter table node add column counters text;
-- How many of node.findings come from symptom rules: a sample that finds none where there were none
-- writes nothing.
alter table node add column symptom_findings integer default 0 not null;
-- The hash of the whole stored report decided nothing once the configuration hash does.
alter table node drop column report_hash;
