-- Channel counts a policy sets (ChannelRequest, JSON: {"rx": 2, "tx": 2}); null when it sets none.
alter table policy add column channels text;
