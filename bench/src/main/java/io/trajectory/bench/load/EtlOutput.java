package io.trajectory.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code etl} run printed, read back: its stages with the time each took (from the
 * {@code [  12.3s] stage ...} lines of {@code Progress}), the publish steps with their own
 * millisecond timings, and the closing summary's counts.
 */
record EtlOutput(List<Stage> stages, List<Step> publishSteps, long rowsRead, long rowsLoaded, long rowsQuarantined,
                 double tookSeconds, boolean published) {

    /** A stage of the load, from {@code startedAt} (seconds since the load started) for {@code seconds}. */
    record Stage(String name, String what, double startedAt, double seconds) {
    }

    /** A publish step ({@code 04_facts}) and its time. */
    record Step(String name, long millis) {
    }

    private static final Pattern STAGE = Pattern.compile("^\\[\\s*([0-9.]+)s\\] (\\S+)\\s+(.*)$");
    private static final Pattern STEP = Pattern.compile("^\\s*publish: (\\d\\d_\\w+) \\((\\d+) ms\\)$");
    private static final Pattern COUNT = Pattern.compile("^\\s+rows (read|loaded|quarantined)\\s+([0-9,]+)\\b.*$");
    private static final Pattern TOOK = Pattern.compile("^\\s+took\\s+([0-9.]+) s$");
    private static final Pattern SNAPSHOT = Pattern.compile("^\\s+snapshot\\s+v\\d+ published,.*$");

    static boolean isStageLine(String line) {
        return STAGE.matcher(line).matches();
    }

    static EtlOutput parse(List<String> lines) {
        List<double[]> starts = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        long read = 0;
        long loaded = 0;
        long quarantined = 0;
        double took = Double.NaN;
        boolean published = false;
        for (String line : lines) {
            Matcher m;
            if ((m = STAGE.matcher(line)).matches()) {
                starts.add(new double[] {Double.parseDouble(m.group(1))});
                names.add(new String[] {m.group(2), m.group(3)});
            } else if ((m = STEP.matcher(line)).matches()) {
                steps.add(new Step(m.group(1), Long.parseLong(m.group(2))));
            } else if ((m = COUNT.matcher(line)).matches()) {
                long n = Long.parseLong(m.group(2).replace(",", ""));
                switch (m.group(1)) {
                    case "read" -> read = n;
                    case "loaded" -> loaded = n;
                    default -> quarantined = n;
                }
            } else if ((m = TOOK.matcher(line)).matches()) {
                took = Double.parseDouble(m.group(1));
            } else if (SNAPSHOT.matcher(line).matches()) {
                published = true;
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            double from = starts.get(k)[0];
            double to = k + 1 < starts.size() ? starts.get(k + 1)[0] : took;
            stages.add(new Stage(names.get(k)[0], names.get(k)[1], from, to - from));
        }
        return new EtlOutput(List.copyOf(stages), List.copyOf(steps), read, loaded, quarantined, took, published);
    }

    /** Seconds spent in stages of this name (a stage may recur), NaN when there was none. */
    double stageSeconds(String name) {
        double s = 0;
        boolean any = false;
        for (Stage st : stages) {
            if (st.name().equals(name)) {
                s += st.seconds();
                any = true;
            }
        }
        return any ? s : Double.NaN;
    }
}
