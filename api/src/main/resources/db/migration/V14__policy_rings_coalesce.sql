-- Ring sizes (RingRequest, JSON: {"rx": 4096}) and coalescing (CoalesceRequest, JSON: {"rx_usecs": 50}) a policy sets;
-- null when it sets none.
alter table policy add column rings text;
alter table policy add column coalesce_settings text;
