package se.kommun.moderation.classification.domain.rules;

import java.util.Arrays;

/**
 * A compact character trie carrying up to two int values per node. Built with first-child /
 * next-sibling links; {@link #freeze()} then lays every node's children out side by side (and the
 * root's in a table by char), so lookups during matching touch little memory and never allocate.
 */
final class CharTrie {

    private static final int ROOT_TABLE = 0x250; // Latin letters, digits and punctuation after folding

    private int[] rootTable;
    private int[] edgeStart;
    private int[] edgeCount;
    private char[] edgeLabels;
    private int[] edgeTargets;

    static final int NONE = -1;

    private char[] labels = new char[64];
    private int[] firstChild = new int[64];
    private int[] nextSibling = new int[64];
    private int[] valueA = new int[64];
    private int[] valueB = new int[64];
    private int size = 1;

    CharTrie() {
        Arrays.fill(firstChild, NONE);
        Arrays.fill(nextSibling, NONE);
        Arrays.fill(valueA, NONE);
        Arrays.fill(valueB, NONE);
    }

    /** The node for {@code text} (read backwards when {@code reversed}), created as needed. */
    int insert(String text, boolean reversed) {
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(reversed ? text.length() - 1 - i : i);
            int child = child(node, c);
            if (child == NONE) {
                child = newNode(c);
                nextSibling[child] = firstChild[node];
                firstChild[node] = child;
            }
            node = child;
        }
        return node;
    }

    private int newNode(char label) {
        if (size == labels.length) {
            int grown = size * 2;
            labels = Arrays.copyOf(labels, grown);
            firstChild = grow(firstChild, grown);
            nextSibling = grow(nextSibling, grown);
            valueA = grow(valueA, grown);
            valueB = grow(valueB, grown);
        }
        labels[size] = label;
        return size++;
    }

    private static int[] grow(int[] array, int size) {
        int old = array.length;
        int[] grown = Arrays.copyOf(array, size);
        Arrays.fill(grown, old, size, NONE);
        return grown;
    }

    int child(int node, char c) {
        if (rootTable != null) {
            if (node == 0 && c < ROOT_TABLE) {
                return rootTable[c];
            }
            int start = edgeStart[node];
            int end = start + edgeCount[node];
            for (int e = start; e < end; e++) {
                if (edgeLabels[e] == c) {
                    return edgeTargets[e];
                }
            }
            return NONE;
        }
        for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
            if (labels[child] == c) {
                return child;
            }
        }
        return NONE;
    }

    /** Lays the children of every node out contiguously; call once after the last insert. */
    void freeze() {
        edgeStart = new int[size];
        edgeCount = new int[size];
        edgeLabels = new char[Math.max(1, size - 1)];
        edgeTargets = new int[Math.max(1, size - 1)];
        int at = 0;
        for (int node = 0; node < size; node++) {
            edgeStart[node] = at;
            for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
                edgeLabels[at] = labels[child];
                edgeTargets[at] = child;
                at++;
            }
            edgeCount[node] = at - edgeStart[node];
        }
        int[] table = new int[ROOT_TABLE];
        Arrays.fill(table, NONE);
        for (int child = firstChild[0]; child != NONE; child = nextSibling[child]) {
            if (labels[child] < ROOT_TABLE) {
                table[labels[child]] = child;
            }
        }
        rootTable = table;
    }

    int valueA(int node) {
        return valueA[node];
    }

    int valueB(int node) {
        return valueB[node];
    }

    void setValueA(int node, int value) {
        valueA[node] = value;
    }

    void setValueB(int node, int value) {
        valueB[node] = value;
    }
}
