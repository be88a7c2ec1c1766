package io.offloadctl.model;

/** One {@code NAME on|off} as a person wrote it: a legacy name ({@code gro}) or a kernel name ({@code rx-gro}). */
public record Setting(String name, boolean on) {

    @Override
    public String toString() {
        return name + (on ? " on" : " off");
    }
}
