package dev.handbook.memo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results of a deterministic step, remembered from one build to the next inside a long-running process
 * ({@code serve}), so a rebuild redoes only what changed. Values are kept for two builds: whatever the current
 * build did not use is forgotten when the next one starts, so memory stays about one build's worth however long
 * the server runs. Thread-safe.
 *
 * @param <K> what the step's result depends on, entirely (a value with equals and hashCode)
 */
public final class Memo<K, V> {
    private final boolean remembering;
    private volatile Map<K, V> current = new ConcurrentHashMap<>();
    private volatile Map<K, V> previous = new ConcurrentHashMap<>();

    private Memo(boolean remembering) {
        this.remembering = remembering;
    }

    /** A memo for a process that builds more than once. */
    public static <K, V> Memo<K, V> remembering() {
        return new Memo<>(true);
    }

    /** A memo that remembers nothing: a one-off build, which need not even work out the keys. */
    public static <K, V> Memo<K, V> none() {
        return new Memo<>(false);
    }

    /** Whether values are remembered; when not, callers may skip working out keys. */
    public boolean isRemembering() {
        return remembering;
    }

    /** The remembered value for {@code key}, or {@code compute}'s, then remembered. */
    public V get(K key, Function<K, V> compute) {
        if (!remembering) {
            return compute.apply(key);
        }
        V value = current.get(key);
        if (value == null) {
            value = previous.get(key);
            if (value == null) {
                value = compute.apply(key);
            }
            current.put(key, value);
        }
        return value;
    }

    /** Starts a build: what the last one used stays available; anything older is dropped. */
    public void nextBuild() {
        previous = current;
        current = new ConcurrentHashMap<>();
    }

    public int size() {
        return current.size();
    }
}
