package io.offloadctl.node.ffi;

import jnr.ffi.NativeType;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.Union;

/**
 * {@code struct ifreq} from linux/if.h: 40 bytes on x86_64, the name then a 24-byte union.
 * offloadctl uses two members of the union: {@code ifr_data} (the ethtool command buffer) and
 * {@code ifr_mtu}.
 */
public final class IfReq extends Struct {

    /** IFNAMSIZ: 16 bytes, so at most 15 characters and the NUL. */
    public static final int IFNAMSIZ = 16;

    public final UTF8String ifr_name = new UTF8String(IFNAMSIZ);
    public final IfrIfru ifr_ifru = inner(new IfrIfru(getRuntime()));

    public IfReq(Runtime runtime) {
        super(runtime);
    }

    /** The union after the name; sized by its largest member, {@code struct ifmap} (24 bytes). */
    public static final class IfrIfru extends Union {
        public final Pointer ifru_data = new Pointer();
        public final Signed32 ifru_mtu = new Signed32();
        public final Padding ifru_map = new Padding(NativeType.UCHAR, 24);

        IfrIfru(Runtime runtime) {
            super(runtime);
        }
    }
}
