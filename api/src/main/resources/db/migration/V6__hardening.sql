-- Host names are case-insensitive: a node has one name, in lower case (NodeNames). A node stored
-- under a name with upper case is dropped; its agent's next report re-creates it under the lower-case
-- name (a report is always the node's whole state).
delete from node_interface where node <> lower(node);
delete from node where name <> lower(name);
update api_token set node = lower(node) where node is not null and node <> lower(node);

-- One row that every write touching the whole fleet (a policy change re-evaluates every node) and
-- every node's first report locks first (select ... for update): such writes are serialised, on one
-- instance or many, and never collide on a node's rows.
create table fleet_lock (
    id integer primary key
);
insert into fleet_lock (id) values (1);
