-- A report's configuration hash is taken over its bytes outside the counters (ReportBody): a report
-- whose bytes equal the last one's has that hash too, so the hash of the whole body decides nothing.
alter table node drop column body_hash;
