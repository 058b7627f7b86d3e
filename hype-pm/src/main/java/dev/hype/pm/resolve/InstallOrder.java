package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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
    private final java.util.Set<String> onStack = new java.util.HashSet<>();
    private final List<List<String>> components = new ArrayList<>();
    private int counter;

    private InstallOrder(Map<String, List<String>> edges) {
        this.edges = edges;
    }

    static Resolution of(Map<String, Version> chosen, Map<String, List<String>> dependencies,
                         Map<String, Map<String, List<String>>> features) {
        Map<String, List<String>> edges = new TreeMap<>();
        for (String name : new TreeMap<>(chosen).keySet()) {
            List<String> deps = new ArrayList<>(new TreeSet<>(dependencies.getOrDefault(name, List.of())));
            deps.removeIf(d -> !chosen.containsKey(d));
            edges.put(name, deps);
        }
        return new InstallOrder(edges).order(chosen, features);
    }

    private Resolution order(Map<String, Version> chosen, Map<String, Map<String, List<String>>> features) {
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
        return new Resolution(chosen, order, edges, cycles, features);
    }

    /** Find strongly connected components with Tarjan's algorithm, iteratively so deep chains cannot overflow. */
    private void connect(String start) {
        Deque<String> work = new ArrayDeque<>();
        Map<String, Integer> nextEdge = new HashMap<>();
        visit(start);
        work.push(start);
        nextEdge.put(start, 0);
        while (!work.isEmpty()) {
            String node = work.peek();
            List<String> deps = edges.get(node);
            int i = nextEdge.get(node);
            if (i < deps.size()) {
                nextEdge.put(node, i + 1);
                String dep = deps.get(i);
                if (!index.containsKey(dep)) {
                    visit(dep);
                    work.push(dep);
                    nextEdge.put(dep, 0);
                } else if (onStack.contains(dep)) {
                    low.put(node, Math.min(low.get(node), index.get(dep)));
                }
                continue;
            }
            work.pop();
            if (!work.isEmpty()) {
                String parent = work.peek();
                low.put(parent, Math.min(low.get(parent), low.get(node)));
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

    private void visit(String node) {
        index.put(node, counter);
        low.put(node, counter);
        counter++;
        stack.add(node);
        onStack.add(node);
    }
}
