package dev.handbook.render;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * KaTeX and highlight.js, run at build time inside GraalJS so pages need no math or highlighting script.
 * One engine; each library is loaded on first use (a build whose formulas and code are all cached never loads
 * them) into contexts that rendering threads borrow one at a time, so pages render their formulas in parallel.
 * The first context of a library pays for parsing it (a second or more in interpreter mode); the engine shares
 * the parsed code with the library's further contexts, which then load in milliseconds. Both libraries come from
 * their webjars on the classpath.
 */
final class ScriptEngine implements AutoCloseable {
    static final String KATEX = "META-INF/resources/webjars/katex/0.18.11/dist/katex.min.js";
    static final String HIGHLIGHT = "META-INF/resources/webjars/highlightjs/11.11.1/highlight.min.js";

    private Engine engine;
    private final Library katex = new Library(KATEX, "katex.min.js", "katex");
    private final Library hljs = new Library(HIGHLIGHT, "highlight.min.js", "hljs");
    private final AtomicInteger loads = new AtomicInteger();

    /** The result of rendering one formula: KaTeX's HTML, or the error KaTeX gave. */
    record Rendered(String html, String error) {
    }

    /** A context with the library loaded, and the library's global object in it; one thread uses it at a time. */
    private record Loaded(Context context, Value library) {
        Value newObject() {
            return context.eval("js", "({})");
        }
    }

    /** One library and its idle contexts. */
    private final class Library {
        private final String resource;
        private final String name;
        private final String global;
        private final Deque<Loaded> idle = new ArrayDeque<>();
        private final List<Loaded> all = new ArrayList<>();
        private Source source;

        Library(String resource, String name, String global) {
            this.resource = resource;
            this.name = name;
            this.global = global;
        }

        /** An idle context, or a new one; the very first is made under the lock, so the library is parsed once. */
        Loaded borrow() {
            synchronized (this) {
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (source == null) {
                    source = source(resource, name);
                    Loaded first = load();
                    all.add(first);
                    return first;
                }
            }
            Loaded fresh = load();
            synchronized (this) {
                all.add(fresh);
            }
            return fresh;
        }

        synchronized void giveBack(Loaded loaded) {
            idle.push(loaded);
        }

        private Loaded load() {
            Context context = Context.newBuilder("js").engine(engine()).allowAllAccess(false).build();
            context.eval(source);
            loads.incrementAndGet();
            return new Loaded(context, context.getBindings("js").getMember(global));
        }

        synchronized void close() {
            all.forEach(l -> l.context().close());
            all.clear();
            idle.clear();
        }
    }

    private synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        }
        return engine;
    }

    /** Loads KaTeX now rather than on first use. */
    void warmUpMath() {
        katex.giveBack(katex.borrow());
    }

    /** Loads highlight.js now rather than on first use. */
    void warmUpHighlighting() {
        hljs.giveBack(hljs.borrow());
    }

    private static Source source(String resource, String name) {
        try (InputStream in = ScriptEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Rendered formula(String tex, boolean display) {
        Loaded loaded = katex.borrow();
        try {
            Value options = loaded.newObject();
            options.putMember("displayMode", display);
            options.putMember("throwOnError", true);
            options.putMember("output", "htmlAndMathml");
            options.putMember("trust", false);
            options.putMember("strict", "ignore");
            return new Rendered(loaded.library().invokeMember("renderToString", tex, options).asString(), null);
        } catch (PolyglotException e) {
            String message = e.getMessage() == null ? "invalid formula" : e.getMessage();
            return new Rendered(null, message.replaceFirst("^KaTeX parse error: ", ""));
        } finally {
            katex.giveBack(loaded);
        }
    }

    /** highlight.js markup for {@code code}, or null when the language is unknown. */
    String highlight(String code, String language) {
        Loaded loaded = hljs.borrow();
        try {
            if (loaded.library().invokeMember("getLanguage", language).isNull()) {
                return null;
            }
            Value options = loaded.newObject();
            options.putMember("language", language);
            options.putMember("ignoreIllegals", true);
            return loaded.library().invokeMember("highlight", code, options).getMember("value").asString();
        } finally {
            hljs.giveBack(loaded);
        }
    }

    /** How many contexts loaded a library (0 when everything came from the cache). */
    int loads() {
        return loads.get();
    }

    @Override
    public void close() {
        katex.close();
        hljs.close();
        synchronized (this) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }
}
