package io.offloadctl.api.node;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One interface of a node, kept in its own table so nodes can be filtered by driver in SQL. */
@Entity
@Table(name = "node_interface")
@IdClass(NodeInterfaceEntity.Key.class)
public class NodeInterfaceEntity extends PanacheEntityBase {
    @Id
    public String node;
    @Id
    public String name;
    public String kind;
    public String driver;
    public String status;

    public static class Key implements Serializable {
        public String node;
        public String name;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(node, key.node) && Objects.equals(name, key.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(node, name);
        }
    }
}
