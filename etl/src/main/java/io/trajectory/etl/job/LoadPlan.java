package io.trajectory.etl.job;

import io.trajectory.etl.landing.DefinitionFiles;
import io.trajectory.etl.landing.LandingZone;
import io.trajectory.etl.landing.ReturnFolder;
import io.trajectory.etl.landing.SourceFile;
import io.trajectory.warehouse.lake.Batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What a load has to do, decided from checksums alone: which returns are new or changed since
 * the lake's committed batches, and whether the definitions changed. A definitions change
 * reloads every return, because returns are validated against the register.
 *
 * @param definitionsSha checksum of the definitions files, unknown folders, reward share and lake format
 */
public record LoadPlan(String definitionsSha, boolean definitionsChanged, List<ReturnFolder> toLoad,
                       List<ReturnFolder> unchanged) {

    /**
     * Bumped whenever the tables a batch writes change shape; 2 = plans per area; 3 = reporting
     * frequency in dim_indicator, and no data_sha256 in meta_return (figures are versioned by the
     * indicator return's own checksum in meta_source_file).
     */
    static final int LAKE_FORMAT = 3;

    public static LoadPlan of(LandingZone zone, List<Batch> committed, double rewardShare) {
        String definitionsSha = definitionsSha(zone, rewardShare);
        String lastDefinitions = committed.isEmpty() ? null
                : committed.get(committed.size() - 1).definitionsSha().orElse(null);
        boolean definitionsChanged = !definitionsSha.equals(lastDefinitions);
        Map<Integer, String> loaded = new HashMap<>();
        for (Batch b : committed) {
            loaded.putAll(b.returnShas()); // later batches win
        }
        List<ReturnFolder> toLoad = new ArrayList<>();
        List<ReturnFolder> unchanged = new ArrayList<>();
        for (ReturnFolder r : zone.returns()) {
            if (definitionsChanged || !r.sha256().equals(loaded.get(r.quarter().key()))) {
                toLoad.add(r);
            } else {
                unchanged.add(r);
            }
        }
        return new LoadPlan(definitionsSha, definitionsChanged, List.copyOf(toLoad), List.copyOf(unchanged));
    }

    /** True when the lake already holds everything the landing zone has. */
    public boolean isEmpty() {
        return !definitionsChanged && toLoad.isEmpty();
    }

    private static String definitionsSha(LandingZone zone, double rewardShare) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // The lake's layout is part of it: a load by a version that writes different tables reloads everything.
            md.update(("lake_format=" + LAKE_FORMAT + ";reward_share=" + rewardShare).getBytes(StandardCharsets.UTF_8));
            for (DefinitionFiles.Kinded k : zone.definitions().present()) {
                md.update((";" + k.kind() + "=" + k.file().sha256()).getBytes(StandardCharsets.UTF_8));
            }
            for (LandingZone.UnknownFolder u : zone.unknownFolders()) {
                for (SourceFile f : u.files()) {
                    md.update((";" + f.name() + "=" + f.sha256()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
