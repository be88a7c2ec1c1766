-- An operator's request that a node's agent try a failed (quarantined) revision again: a counter,
-- sent with the desired state (DesiredView.retry); the agent's quarantine names the counter it
-- failed under, so a new value lifts it.
alter table node add column retry_generation bigint default 0 not null;

-- What the agent holds back (AgentStatus JSON: a quarantined revision, contested features), as its
-- last report said; null when nothing. The compliance report shows it without reading reports.
alter table node add column agent_status text;
