-- Pause (flow control) a policy sets (PauseRequest, JSON: {"autoneg": false, "rx": false}); null when it sets none.
alter table policy add column pause_settings text;
