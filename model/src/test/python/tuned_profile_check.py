#!/usr/bin/python3
"""Loads a TuneD profile with TuneD's own code (its profile loader, and its net plugin's parsers and
device matchers) and prints, as JSON, every net unit: its devices, udev regex and options, what the
net plugin parses out of each option, whether it accepts it, the feature names it would drop as
unknown to the device whose `ethtool -k` output is given (TuneD keeps only the names it reads there),
and which of the given device names and udev properties the unit matches.

usage: tuned_profile_check.py PROFILES_DIR PROFILE ETHTOOL_K_FILE DEVICES_JSON
DEVICES_JSON: [{"name": "eno1", "udev": {"ID_NET_DRIVER": "bnxt_en"}}, ...]"""
import json
import logging
import sys

import tuned.hardware.device_matcher as device_matcher
import tuned.hardware.device_matcher_udev as device_matcher_udev
import tuned.profiles.factory as factory
import tuned.profiles.loader as loader
import tuned.profiles.locator as locator
import tuned.profiles.merger as merger
import tuned.profiles.variables as variables
import tuned.utils.commands as commands
import tuned.utils.global_config as global_config
from tuned.plugins.plugin_net import NetTuningPlugin

logging.disable(logging.CRITICAL)


class Parsers:
    """What the net plugin's parsers need of their instance: its command helper."""
    _cmd = commands.commands()


def main():
    directory, name, ethtool_file, devices_json, main_conf = sys.argv[1:6]
    profile = loader.Loader(locator.Locator([directory]), factory.Factory(), merger.Merger(),
                            global_config.GlobalConfig(main_conf), variables.Variables()).load([name])
    with open(ethtool_file) as f:
        device_features = NetTuningPlugin._parse_device_parameters(Parsers(), f.read()) or {}
    devices = json.loads(devices_json)
    units = {}
    for unit_name, unit in profile.units.items():
        if unit.type != "net":
            continue
        parsed, accepted = {}, {}
        for context in ("features", "channels", "ring", "coalesce", "pause"):
            if context in unit.options:
                values = NetTuningPlugin._parse_config_parameters(None, unit.options[context], context)
                parsed[context] = values
                accepted[context] = values is not None and NetTuningPlugin._check_parameters(NetTuningPlugin, context, values)
        matched = [d["name"] for d in devices
                   if device_matcher.DeviceMatcher().match(unit.devices, d["name"])
                   and (unit.devices_udev_regex is None
                        or device_matcher_udev.DeviceMatcherUdev().match(unit.devices_udev_regex, d["udev"]))]
        units[unit_name] = {"devices": unit.devices, "udevRegex": unit.devices_udev_regex, "options": dict(unit.options),
                            "parsed": parsed, "accepted": accepted, "matches": matched,
                            "droppedFeatures": sorted(set((parsed.get("features") or {}).keys()) - set(device_features))}
    print(json.dumps({"summary": profile.options.get("summary"), "units": units}))


main()
