package io.offloadctl.api.render;

import jakarta.ws.rs.core.Response;

/** Turns a rendered artifact into its HTTP answer. */
public final class RenderResponses {

    private RenderResponses() {
    }

    public static Response of(RenderService.Rendered rendered) {
        return Response.ok(rendered.text()).type(rendered.mediaType() + ";charset=UTF-8").build();
    }
}
