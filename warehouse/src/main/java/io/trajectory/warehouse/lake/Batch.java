package io.trajectory.warehouse.lake;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A committed load of the lake. Its properties record what it loaded, so the next load can
 * tell what changed without reading Parquet: {@code definitions.sha256}, and for each return
 * it loaded {@code return.<period_key>.sha256}.
 */
public record Batch(String id, Properties properties) {

    public static final String DEFINITIONS_SHA = "definitions.sha256";
    public static final String COMMITTED_AT = "committed_at";
    /** The share of the stretch improvement that earns the reward, as the load was told. */
    public static final String REWARD_SHARE = "reward_share";

    static String idFor(int sequence) {
        return String.format("b%06d", sequence);
    }

    static int sequenceOf(String id) {
        try {
            return Integer.parseInt(id.substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public int sequence() {
        return sequenceOf(id);
    }

    public static String returnShaKey(int periodKey) {
        return "return." + periodKey + ".sha256";
    }

    /** The reward share this batch's definitions were loaded with; absent in batches from before it was recorded. */
    public Optional<Double> rewardShare() {
        return Optional.ofNullable(properties.getProperty(REWARD_SHARE)).map(Double::valueOf);
    }

    public Optional<String> definitionsSha() {
        return Optional.ofNullable(properties.getProperty(DEFINITIONS_SHA));
    }

    /** Returns loaded by this batch: period key to content checksum. */
    public Map<Integer, String> returnShas() {
        Map<Integer, String> out = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("return.") && name.endsWith(".sha256")) {
                out.put(Integer.parseInt(name.substring("return.".length(), name.length() - ".sha256".length())),
                        properties.getProperty(name));
            }
        }
        return out;
    }
}
