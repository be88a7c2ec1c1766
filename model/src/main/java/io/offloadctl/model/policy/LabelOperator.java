package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operators of a label requirement, as Kubernetes selectors name them. */
@Schema(description = "In / NotIn compare the label's value with values; Exists / DoesNotExist test the key alone.")
public enum LabelOperator {
    In, NotIn, Exists, DoesNotExist
}
