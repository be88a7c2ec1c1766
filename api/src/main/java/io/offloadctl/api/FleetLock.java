package io.offloadctl.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one lock of writes that span the fleet: a policy change (which re-evaluates every node), a
 * node's first report (which must be evaluated against the policies as they are once it commits)
 * and the revocation of an admin token. It is a row (fleet_lock) locked with select ... for update
 * until the transaction ends, so it holds across instances on one database. A write to one existing
 * node locks only that node's row; a write that needs both takes this lock first, then node rows,
 * so no two writes wait for each other in a circle.
 */
@ApplicationScoped
public class FleetLock {

    private final EntityManager entities;

    public FleetLock(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        entities.createNativeQuery("select id from fleet_lock where id = 1 for update").getResultList();
    }
}
