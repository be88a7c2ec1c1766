-- Size limits a policy sets (LimitRequest, JSON: {"gso_max_size": 65536}); null when it sets none.
alter table policy add column size_limits text;
