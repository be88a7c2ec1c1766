package io.offloadctl.node.cli;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The entry point of the offloadctl binary. */
@QuarkusMain
public class Main implements QuarkusApplication {
    @Override
    public int run(String... args) {
        return Cli.commandLine().execute(args);
    }
}
