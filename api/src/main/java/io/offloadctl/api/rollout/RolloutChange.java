package io.offloadctl.api.rollout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The change a rollout brings. */
@Schema(description = "create, update or delete (a deletion with onRemove restore: the originals come back in waves).")
public enum RolloutChange {
    create, update, delete
}
