package io.offloadctl.model.diagnose;

import java.util.Locale;

/** Rates and durations written for people: 6.6 Gbit/s, 140 kbit/s, 5 s. */
public final class Rates {

    private Rates() {
    }

    public static String bits(double bitsPerSecond) {
        String[] units = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};
        double value = bitsPerSecond;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 || unit == 0 ? "%.0f %s" : "%.2f %s", value, units[unit]);
    }

    public static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
