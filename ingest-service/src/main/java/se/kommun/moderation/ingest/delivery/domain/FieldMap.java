package se.kommun.moderation.ingest.delivery.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one object of a webhook body, in insertion order, as {@link JsonFragments} builds
 * its tree: two arrays instead of the {@link LinkedHashMap} Jackson's {@code ObjectNode} makes by
 * default. A platform object has a handful of fields, every request has hundreds of them, and the
 * mappers look each up by a literal name: a lookup is one scan over a few slots comparing the
 * strings' cached hash codes, with no table and no entry objects. Past {@link #MAX_SCANNED}
 * fields it turns into a {@link LinkedHashMap}, so that an object with thousands of fields cannot make
 * each insertion a long scan.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {

    static final int MAX_SCANNED = 16;

    private String[] names = new String[8];
    private int[] hashes = new int[8];
    private JsonNode[] values = new JsonNode[8];
    private int size;
    /** Set once the object outgrows the arrays; then it holds everything. */
    private Map<String, JsonNode> large;

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public JsonNode get(Object name) {
        if (large != null) {
            return large.get(name);
        }
        int at = indexOf(name);
        return at < 0 ? null : values[at];
    }

    @Override
    public boolean containsKey(Object name) {
        return large != null ? large.containsKey(name) : indexOf(name) >= 0;
    }

    /** A repeated name replaces the value in place, as in {@link LinkedHashMap}. */
    @Override
    public JsonNode put(String name, JsonNode value) {
        if (large != null) {
            return large.put(name, value);
        }
        int at = indexOf(name);
        if (at >= 0) {
            JsonNode previous = values[at];
            values[at] = value;
            return previous;
        }
        if (size == MAX_SCANNED) {
            large = new LinkedHashMap<>(this);
            names = null;
            hashes = null;
            values = null;
            size = 0;
            return large.put(name, value);
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        hashes[size] = name.hashCode();
        values[size++] = value;
        return null;
    }

    @Override
    public JsonNode remove(Object name) {
        if (large != null) {
            return large.remove(name);
        }
        int at = indexOf(name);
        if (at < 0) {
            return null;
        }
        JsonNode previous = values[at];
        removeAt(at);
        return previous;
    }

    @Override
    public void clear() {
        if (large != null) {
            large.clear();
        } else {
            Arrays.fill(names, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
        }
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
        return large != null ? large.entrySet() : new Entries();
    }

    private int indexOf(Object name) {
        if (name == null) {
            return -1; // JSON field names are never null
        }
        int hash = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && (names[i] == name || names[i].equals(name))) {
                return i;
            }
        }
        return -1;
    }

    private void removeAt(int at) {
        int after = size - at - 1;
        System.arraycopy(names, at + 1, names, at, after);
        System.arraycopy(hashes, at + 1, hashes, at, after);
        System.arraycopy(values, at + 1, values, at, after);
        size--;
        names[size] = null;
        values[size] = null;
    }

    /** A view over the arrays, as {@link AbstractMap} builds everything else on. */
    private final class Entries extends AbstractSet<Entry<String, JsonNode>> {

        @Override
        public int size() {
            return size;
        }

        @Override
        public Iterator<Entry<String, JsonNode>> iterator() {
            return new Iterator<>() {
                private int next;
                private int last = -1;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Entry<String, JsonNode> next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    last = next++;
                    int at = last;
                    return new SimpleEntry<>(names[at], values[at]) {
                        @Override
                        public JsonNode setValue(JsonNode value) {
                            values[at] = value;
                            return super.setValue(value);
                        }
                    };
                }

                @Override
                public void remove() {
                    if (last < 0) {
                        throw new IllegalStateException();
                    }
                    removeAt(last);
                    next = last;
                    last = -1;
                }
            };
        }
    }
}
