-- A report is configuration (compared; re-evaluated only when it changes) and counters (the latest
-- readings, stored on every report): node.counters holds the latter, compactly (NodeCounters, JSON);
-- node.report the configuration as of its last change. Null: the report's own counters are current.
alter table node add column counters text;
