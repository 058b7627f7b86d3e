package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Order chosen packages so dependencies come first, breaking ties by name.
 *
 * <p>Packages that depend on each other (a strongly connected component) are installed together, sorted
 * by name, and reported as a cycle.
 */
final class InstallOrder {
    private final Map<String, List<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final TreeSet<String> onStack = new TreeSet<>();
    private final List<List<String>> components = new ArrayList<>();
    private int counter;

    private InstallOrder(Map<String, List<String>> edges) {
        this.edges = edges;
    }

    static Resolution of(Map<String, Version> chosen, PackageLister lister) {
        Map<String, List<String>> edges = new TreeMap<>();
        for (var e : new TreeMap<>(chosen).entrySet()) {
            List<String> deps = new ArrayList<>(new TreeSet<>(lister.dependencies(e.getKey(), e.getValue()).keySet()));
            deps.removeIf(d -> !chosen.containsKey(d));
            edges.put(e.getKey(), deps);
        }
        return new InstallOrder(edges).order(chosen);
    }

    private Resolution order(Map<String, Version> chosen) {
        for (String node : edges.keySet()) {
            if (!index.containsKey(node)) {
                connect(node);
            }
        }
        Map<String, Integer> componentOf = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            for (String member : components.get(i)) {
                componentOf.put(member, i);
            }
        }
        int[] pending = new int[components.size()];
        Map<Integer, List<Integer>> dependents = new HashMap<>();
        for (var e : edges.entrySet()) {
            int from = componentOf.get(e.getKey());
            for (String dep : e.getValue()) {
                int to = componentOf.get(dep);
                if (to != from && dependents.computeIfAbsent(to, k -> new ArrayList<>()).add(from)) {
                    pending[from]++;
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.comparing(c -> components.get(c).getFirst()));
        for (int i = 0; i < components.size(); i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<String> order = new ArrayList<>();
        List<List<String>> cycles = new ArrayList<>();
        while (!ready.isEmpty()) {
            int c = ready.poll();
            List<String> members = components.get(c);
            order.addAll(members);
            if (members.size() > 1 || edges.get(members.getFirst()).contains(members.getFirst())) {
                cycles.add(members);
            }
            for (int dependent : dependents.getOrDefault(c, List.of())) {
                if (--pending[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }
        return new Resolution(chosen, order, edges, cycles);
    }

    /** Tarjan's strongly connected components, recursive; dependency chains are shallow in practice. */
    private void connect(String node) {
        index.put(node, counter);
        low.put(node, counter);
        counter++;
        stack.add(node);
        onStack.add(node);
        for (String dep : edges.get(node)) {
            if (!index.containsKey(dep)) {
                connect(dep);
                low.put(node, Math.min(low.get(node), low.get(dep)));
            } else if (onStack.contains(dep)) {
                low.put(node, Math.min(low.get(node), index.get(dep)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> members = new ArrayList<>();
            String member;
            do {
                member = stack.removeLast();
                onStack.remove(member);
                members.add(member);
            } while (!member.equals(node));
            members.sort(null);
            components.add(members);
        }
    }
}
