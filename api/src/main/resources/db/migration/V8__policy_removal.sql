-- What a policy's removal does to the features it set (RemovalAction): keep (the default, what
-- every policy did before) or restore the originals the agents recorded.
alter table policy add column on_remove varchar(16) default 'keep' not null;
