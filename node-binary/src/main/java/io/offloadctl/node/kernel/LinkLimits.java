package io.offloadctl.node.kernel;

import java.util.Map;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.node.ffi.Errno;
import io.offloadctl.node.ffi.LinkRecord;
import io.offloadctl.node.ffi.NativeCallException;

/** Reads and changes an interface's segmentation and aggregation size limits (RTM_GETLINK, RTM_NEWLINK). */
public final class LinkLimits {

    private final KernelSession session;

    public LinkLimits(KernelSession session) {
        this.session = session;
    }


    /**
     * Sets the limits named in {@code wanted} (the others stay), refusing the read-only tso_ ones
     * before the kernel is asked, in one RTM_NEWLINK; returns the limits read afterwards.
     * {@code link} is the interface as read before (its tso_ maxima explain a refusal).
     */
    public Map<LinkLimit, Long> apply(LinkRecord link, Map<LinkLimit, Long> wanted) {
        String interfaceName = link.name();
        for (Map.Entry<LinkLimit, Long> entry : wanted.entrySet()) {
            if (!entry.getKey().settable()) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, entry.getKey() + " is what the driver allows, "
                        + "not a setting; the limits that can be set are " + LinkLimit.settableNames());
            }
            if (entry.getValue() < 0 || entry.getValue() > 0xffff_ffffL) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, entry.getKey() + " " + entry.getValue()
                        + ": a size limit is a number from 0 to 4294967295");
            }
        }
        try {
            session.links().setLimits(link.index(), wanted);
        } catch (NativeCallException e) {
            throw switch (e.errno()) {
                case Errno.EINVAL -> new OffloadException(ErrorKind.INVALID_ARGUMENT, "the kernel refused " + describe(wanted)
                        + " for '" + interfaceName + "' (" + e.getMessage() + "); gso sizes go up to its tso_max_size, "
                        + link.limits().get(LinkLimit.tso_max_size) + ", and gso_max_segs up to its tso_max_segs, "
                        + link.limits().get(LinkLimit.tso_max_segs), e);
                case Errno.ERANGE -> new OffloadException(ErrorKind.INVALID_ARGUMENT, "the kernel refused " + describe(wanted)
                        + " for '" + interfaceName + "' as out of range (" + e.getMessage() + "); gso_max_size has a minimum "
                        + "(a little over the largest TCP header, MAX_TCP_HEADER)", e);
                case Errno.EPERM, Errno.EACCES -> new OffloadException(ErrorKind.PERMISSION,
                        "changing the size limits of '" + interfaceName + "' needs root or CAP_NET_ADMIN (" + e.getMessage() + ")", e);
                default -> KernelErrors.explain(e, session.namespace(), interfaceName);
            };
        }
        return session.link(interfaceName).limits();
    }

    /**
     * Puts the named limits back to {@code before} (what a checkpoint read): for undoing a change, so
     * nothing is refused in advance and the kernel's answer is the judge.
     */
    public void restore(String interfaceName, Map<LinkLimit, Long> before) {
        LinkRecord link = session.link(interfaceName);
        KernelErrors.explained(session.namespace(), interfaceName, () -> {
            session.links().setLimits(link.index(), before);
            return null;
        });
    }

    /** "gso_max_size 32768 gro_max_size 40000", as ip link takes them. */
    public static String describe(Map<LinkLimit, Long> limits) {
        return String.join(" ", limits.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
