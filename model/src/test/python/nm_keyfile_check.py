#!/usr/bin/python3
"""Reads keyfiles with NetworkManager's own library (libnm's keyfile reader, through GObject
introspection) and prints, as JSON, what NetworkManager makes of each: its warnings, whether the
connection verifies, the interface it names or matches, and every ethtool option with its value.
With --features NAME..., prints instead which ethtool feature options libnm knows."""
import json
import sys

import gi

gi.require_version("NM", "1.0")
from gi.repository import GLib, NM  # noqa: E402


def read(path):
    keyfile = GLib.KeyFile()
    keyfile.load_from_file(path, GLib.KeyFileFlags.NONE)
    warnings = []

    def handler(_keyfile, _connection, handler_type, handler_data, *_user):
        if handler_type == NM.KeyfileHandlerType.WARN:
            message, _severity = handler_data.warn_get()
            warnings.append(message)
        return False

    connection = NM.keyfile_read(keyfile, "/etc/NetworkManager/system-connections", NM.KeyfileHandlerFlags.NONE,
                                 handler, None)
    result = {"warnings": warnings, "verifies": bool(connection.verify())}
    setting = connection.get_setting_connection()
    result["id"] = setting.get_id()
    result["interfaceName"] = setting.get_interface_name()
    result["multiConnect"] = int(setting.get_multi_connect())
    match = connection.get_setting(NM.SettingMatch)
    result["match"] = None if match is None else {
        "interfaceName": [match.get_interface_name(i) for i in range(match.get_num_interface_names())],
        "driver": [match.get_driver(i) for i in range(match.get_num_drivers())]}
    ethtool = connection.get_setting(NM.SettingEthtool)
    options = {}
    if ethtool is not None:
        for name in ethtool.option_get_all_names():
            # features and (1.32) pause options are booleans, the others uint32
            if NM.ethtool_optname_is_feature(name) or NM.ethtool_optname_is_pause(name):
                ok, value = ethtool.option_get_boolean(name)
            else:
                ok, value = ethtool.option_get_uint32(name)
            options[name] = value if ok else None
    result["ethtool"] = options
    return result


def main():
    if sys.argv[1] == "--features":
        print(json.dumps({name: bool(NM.ethtool_optname_is_feature("feature-" + name)) for name in sys.argv[2:]}))
        return
    print(json.dumps({path: read(path) for path in sys.argv[1:]}))


main()
