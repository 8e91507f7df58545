package dev.badgesmith.pathway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tarjan's strongly connected components, without recursion so that a long chain of requirements
 * cannot overflow the stack. Nodes and their neighbours are visited in the order given, so the
 * result is deterministic.
 */
final class Tarjan {
  private final Map<String, List<String>> edges;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final Set<String> onStack = new HashSet<>();
  private final List<List<String>> components = new ArrayList<>();
  private int next;

  /** A frame of the depth-first walk: a node and how many of its neighbours were visited. */
  private static final class Frame {
    final String node;
    int neighbour;

    Frame(String node) {
      this.node = node;
    }
  }

  Tarjan(Map<String, List<String>> edges) {
    this.edges = edges;
  }

  /** The components, each listing its nodes in the order they left the stack. */
  List<List<String>> components() {
    for (String node : edges.keySet()) {
      if (!index.containsKey(node)) {
        walk(node);
      }
    }
    return components;
  }

  private void walk(String root) {
    Deque<Frame> frames = new ArrayDeque<>();
    enter(root, frames);
    while (!frames.isEmpty()) {
      Frame f = frames.peek();
      List<String> out = edges.getOrDefault(f.node, List.of());
      if (f.neighbour < out.size()) {
        String w = out.get(f.neighbour++);
        if (!index.containsKey(w)) {
          enter(w, frames);
        } else if (onStack.contains(w)) {
          low.put(f.node, Math.min(low.get(f.node), index.get(w)));
        }
        continue;
      }
      frames.pop();
      if (!frames.isEmpty()) {
        String parent = frames.peek().node;
        low.put(parent, Math.min(low.get(parent), low.get(f.node)));
      }
      if (low.get(f.node).equals(index.get(f.node))) {
        List<String> component = new ArrayList<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          component.add(w);
        } while (!w.equals(f.node));
        components.add(component);
      }
    }
  }

  private void enter(String node, Deque<Frame> frames) {
    index.put(node, next);
    low.put(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    frames.push(new Frame(node));
  }
}
