package io.offloadctl.api.render;

import jakarta.ws.rs.core.Response;

/** Turns a rendered artifact into its HTTP answer; the documentation both render operations share. */
public final class RenderResponses {

    /** The example the render operations show. */
    public static final String EXAMPLE = """
            # /etc/udev/rules.d/70-offloadctl-bnxt-ports.rules
            ACTION=="add", SUBSYSTEM=="net", KERNEL=="eno*", DRIVERS=="bnxt_en", RUN+="/usr/local/bin/offloadctl set %k gro off gso off"
            """;

    private RenderResponses() {
    }

    public static Response of(RenderService.Rendered rendered) {
        return Response.ok(rendered.text()).type(rendered.mediaType() + ";charset=UTF-8").build();
    }
}
