-- The fast path of a state report: a report whose bytes equal the last one's is recognised by
-- body_hash alone, and answered with desired_view (the stored answer) without parsing anything.
alter table node add column body_hash varchar(64);
alter table node add column desired_view text;
