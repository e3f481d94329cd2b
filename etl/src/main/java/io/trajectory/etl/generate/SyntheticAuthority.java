package io.trajectory.etl.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One authority of the synthetic national zone, with its districts: its code, an invented name,
 * and the latent profile that drives its plans and figures. Authority {@code a} depends only on
 * the seed and {@code a} (its name also on the names drawn for the authorities before it, which
 * it must not repeat), never on how many authorities are written. Immutable and thread-safe.
 *
 * <p>The profile is one latent number per authority ({@link #profile}, about standard normal);
 * its size and its circumstances both follow it, each with noise of its own, so authorities
 * close in profile are similar in both: sorting by it and cutting the list into groups of about
 * fifteen gives nearest-neighbour groups, as CIPFA's are built from population and deprivation.
 */
final class SyntheticAuthority {

    /** What a comparison group aims to hold, as CIPFA's nearest-neighbour sets do. */
    static final int GROUP_SIZE = 15;

    /**
     * One district (or ward) of an authority: coded {@code E0600001-D01}, ...
     *
     * @param weight        its typical share of the authority's counts, before normalising (0.4 to 1.6)
     * @param circumstances how much harder its circumstances are than its authority's, about N(0,1)
     * @param plans         whether it has plans of its own at all (one district in four has none);
     *                      one that does has them for about half the indicators
     */
    record District(int index, String code, String name, double weight, double circumstances, boolean plans) {
    }

    final int index;
    final String code;
    final String name;
    /** The latent profile authorities are grouped by. */
    final double profile;
    /** Population relative to a typical authority, 0.2 to 5: counts and money scale with it. */
    final double size;
    /** How hard its circumstances are, about N(0,1): higher makes its rates and shares start worse. */
    final double circumstances;
    /** How much improvement its plans aim for, relative to the register's: 0.7 to 1.3. */
    final double ambition;
    /** How well it delivers, about N(0,1): higher improves faster than it planned. */
    final double performance;
    /** Index into {@link Vocabulary#REGIONS}. */
    final int region;
    final List<District> districts;

    private SyntheticAuthority(int index, Draws draws, Set<String> namesTaken, int districtCount) {
        this.index = index;
        this.code = code(index);
        long h = draws.hash(Draws.AUTHORITY, index, 1, 0);
        profile = Draws.normal(Draws.sub(h, 1));
        size = Math.min(5, Math.max(0.2, Math.exp(0.6 * (0.8 * profile + 0.6 * Draws.normal(Draws.sub(h, 2))))));
        circumstances = 0.7 * profile + 0.71 * Draws.normal(Draws.sub(h, 3));
        ambition = 0.7 + 0.6 * Draws.unit(Draws.sub(h, 4));
        performance = Draws.normal(Draws.sub(h, 5));
        region = region(Draws.unit(Draws.sub(h, 6)));
        name = unique(namesTaken, attempt -> Names.authority(draws.hash(Draws.NAME, index, 0, attempt), size));

        List<District> list = new ArrayList<>(districtCount);
        Set<String> districtNames = new HashSet<>();
        for (int d = 0; d < districtCount; d++) {
            int district = d;
            long hd = draws.hash(Draws.DISTRICT, index, 0, d);
            String districtName = unique(districtNames, attempt ->
                    Names.district(draws.hash(Draws.NAME, index, district + 1, attempt)));
            list.add(new District(d, districtCode(code, d, districtCount), districtName,
                    0.4 + 1.2 * Draws.unit(Draws.sub(hd, 1)), Draws.normal(Draws.sub(hd, 2)),
                    Draws.unit(Draws.sub(hd, 3)) >= 0.25));
        }
        districts = List.copyOf(list);
    }

    /** Authorities 0 .. count-1, each with {@code districts} districts; names are unique among the authorities. */
    static List<SyntheticAuthority> all(Draws draws, int count, int districts) {
        Set<String> names = new HashSet<>();
        List<SyntheticAuthority> all = new ArrayList<>(count);
        for (int a = 0; a < count; a++) {
            all.add(new SyntheticAuthority(a, draws, names, districts));
        }
        return List.copyOf(all);
    }

    /** The area code of authority a (0-based): {@code E0600001} for the first. */
    static String code(int a) {
        String digits = Integer.toString(a + 1);
        return "E06" + "00000".substring(digits.length()) + digits;
    }

    /** {@code E0600001-D01}: two digits, or as many as the largest district number needs. */
    static String districtCode(String authority, int d, int districtCount) {
        String digits = Integer.toString(d + 1);
        int width = Math.max(2, Integer.toString(districtCount).length());
        return authority + "-D" + "0".repeat(width - digits.length()) + digits;
    }

    /**
     * The nearest-neighbour groups: authorities sorted by profile and cut into about
     * {@code n / 15} groups (at least one) of as equal sizes as can be, holding 13 to 17
     * authorities wherever n allows (from 26 authorities up, except 35 to 38). Each group lists
     * its members in code order.
     */
    static List<List<SyntheticAuthority>> nearestNeighbourGroups(List<SyntheticAuthority> authorities) {
        List<SyntheticAuthority> sorted = new ArrayList<>(authorities);
        sorted.sort(Comparator.comparingDouble((SyntheticAuthority a) -> a.profile).thenComparingInt(a -> a.index));
        int n = sorted.size();
        int groups = Math.max(1, (int) Math.round(n / (double) GROUP_SIZE));
        int fewest = (n + 16) / 17;
        int most = n / 13;
        if (fewest <= most) {
            groups = Math.min(most, Math.max(fewest, groups));
        }
        List<List<SyntheticAuthority>> out = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            List<SyntheticAuthority> members = new ArrayList<>(sorted.subList(
                    (int) ((long) g * n / groups), (int) ((long) (g + 1) * n / groups)));
            members.sort(Comparator.comparingInt(a -> a.index));
            out.add(List.copyOf(members));
        }
        return List.copyOf(out);
    }

    /** "Nearest neighbours 07": numbered from 1 in profile order, as wide as the largest number. */
    static String groupName(int g, int groups) {
        String digits = Integer.toString(g + 1);
        int width = Math.max(2, Integer.toString(groups).length());
        return "Nearest neighbours " + "0".repeat(width - digits.length()) + digits;
    }

    static String regionGroupName(int region) {
        return "Region: " + Vocabulary.REGIONS.get(region).name();
    }

    private static int region(double u) {
        int total = 0;
        for (Vocabulary.Region r : Vocabulary.REGIONS) {
            total += r.weight();
        }
        double at = u * total;
        int cumulative = 0;
        for (int k = 0; k < Vocabulary.REGIONS.size(); k++) {
            cumulative += Vocabulary.REGIONS.get(k).weight();
            if (at < cumulative) {
                return k;
            }
        }
        return Vocabulary.REGIONS.size() - 1;
    }

    @FunctionalInterface
    private interface NameDraw {
        String draw(int attempt);
    }

    /** The first draw not yet taken (after many clashes, the draw with a number), which it then takes. */
    private static String unique(Set<String> taken, NameDraw draw) {
        for (int attempt = 0; attempt < 64; attempt++) {
            String name = draw.draw(attempt);
            if (taken.add(name)) {
                return name;
            }
        }
        for (int k = 2; ; k++) {
            String name = draw.draw(0) + " " + k;
            if (taken.add(name)) {
                return name;
            }
        }
    }
}
