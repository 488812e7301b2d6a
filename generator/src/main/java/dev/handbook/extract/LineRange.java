package dev.handbook.extract;

/**
 * Where an item came from: 1-based, inclusive line numbers in the source file. {@link #UNTRACKED} marks an item
 * that has no place in a file (e.g. one made by curation).
 */
public record LineRange(int start, int end) {
    public static final LineRange UNTRACKED = new LineRange(0, 0);

    public LineRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad line range " + start + ".." + end);
        }
    }

    public boolean tracked() {
        return start > 0;
    }

    @Override
    public String toString() {
        return start == end ? "line " + start : "lines " + start + "-" + end;
    }
}
