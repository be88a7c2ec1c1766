package io.offloadctl.node.cli;

import java.util.ArrayList;
import java.util.List;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.Setting;

/** Parses {@code NAME on|off [NAME on|off ...]} as ethtool -K takes it. */
final class SettingArguments {

    private SettingArguments() {
    }

    static List<Setting> parse(List<String> arguments) {
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            String value = i + 1 < arguments.size() ? arguments.get(i + 1) : null;
            if (!"on".equals(value) && !"off".equals(value)) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, value == null
                        ? "'" + name + "' must be followed by 'on' or 'off'"
                        : "'" + name + "' must be followed by 'on' or 'off', not '" + value + "'");
            }
            settings.add(new Setting(name, value.equals("on")));
        }
        return settings;
    }
}
