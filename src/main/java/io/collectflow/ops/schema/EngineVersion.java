package io.collectflow.ops.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Camunda schema/engine version such as 7.24.0 (qualifiers like -ee are ignored). */
record EngineVersion(int major, int minor, int patch) implements Comparable<EngineVersion> {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    static EngineVersion parse(String text) {
        Matcher matcher = VERSION.matcher(text == null ? "" : text.trim());
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException("not a Camunda version: '" + text + "'");
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new EngineVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch);
    }

    String minorVersion() {
        return major + "." + minor;
    }

    boolean sameMinor(EngineVersion other) {
        return major == other.major && minor == other.minor;
    }

    @Override
    public int compareTo(EngineVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
