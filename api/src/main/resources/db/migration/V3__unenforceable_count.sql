-- How many desired features of a node its drivers keep fixed (or lack): a fleet gauge.
alter table node add column unenforceable_features integer not null default 0;
