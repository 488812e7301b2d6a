package dev.handbook.render;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * KaTeX and highlight.js, run at build time inside GraalJS so pages need no math or highlighting script.
 * One engine; each library is loaded on first use (a build whose formulas and code are all cached never loads
 * them) into contexts that rendering threads borrow one at a time, so pages render their formulas in parallel.
 * The first context of a library pays for parsing it (a second or more in interpreter mode); the engine shares
 * the parsed code with the library's further contexts, which then load in milliseconds. Both libraries come from
 * their Maven packages on the classpath.
 *
 * <p>highlight.js is loaded as its npm package lays it out: the core, then each language's module when a block
 * first asks for it, so a handbook whose code is Python parses one grammar instead of the 36 of the browser
 * bundle (which took 0.95 s to load on the seed handbook's cold build) and any of its 192 languages can be
 * named. A name that is no module's (an alias such as {@code py}) loads the common languages, which register
 * their aliases.
 */
final class ScriptEngine implements AutoCloseable {
    static final String KATEX = MarkdownRenderer.KATEX_DIST + "katex.min.js";
    /** highlight.js's CommonJS modules: {@code core.js}, {@code common.js} and {@code languages/<name>.js}. */
    static final String HIGHLIGHT = MarkdownRenderer.HIGHLIGHT_PACKAGE + "lib/";
    /**
     * Contexts a library may have: one per rendering thread, a worker per core and the thread that started them.
     * The threads the fork-join pool adds while others wait for a formula being rendered (see MarkdownRenderer)
     * wait for a free context instead: each context costs memory and a load.
     */
    static final int MAX_CONTEXTS = Runtime.getRuntime().availableProcessors() + 1;
    private static final Pattern MODULE_NAME = Pattern.compile("[a-z0-9_-]+");
    /** The names in a grammar's {@code subLanguage}s, its modes walked once each, separated by spaces. */
    private static final Source SUB_LANGUAGES = Source.create("js", """
            (function (language) {
              const names = new Set(), seen = new Set();
              const walk = mode => {
                if (!mode || typeof mode !== 'object' || seen.has(mode)) return;
                seen.add(mode);
                [].concat(mode.subLanguage || []).forEach(name => names.add(name));
                [].concat(mode.contains || [], mode.variants || [], mode.starts || []).forEach(walk);
              };
              walk(language);
              return Array.from(names).join(' ');
            })""");

    private Engine engine;
    private final Library katex = new Library(this::loadKatex);
    private final Library hljs = new Library(this::loadHighlightJs);
    private final Map<String, Optional<Source>> sources = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    /** The result of rendering one formula: KaTeX's HTML, or the error KaTeX gave. */
    record Rendered(String html, String error) {
    }

    /**
     * A context with a library loaded, the library's object in it, and the modules it has evaluated; one thread
     * uses it at a time, so the modules need no lock.
     */
    private record Loaded(Context context, Value library, Map<String, Value> modules) {
        Value newObject() {
            return context.eval("js", "({})");
        }
    }

    /** One library and its idle contexts. */
    private final class Library {
        private final Function<Context, Loaded> loader;
        private final Deque<Loaded> idle = new ArrayDeque<>();
        private final List<Loaded> all = new ArrayList<>();
        /** Contexts being made outside the lock. */
        private int starting;

        Library(Function<Context, Loaded> loader) {
            this.loader = loader;
        }

        /**
         * An idle context, or a new one while there are fewer than {@link #MAX_CONTEXTS}, or else the next one given
         * back. The very first is made under the lock, so the library is parsed once.
         */
        Loaded borrow() {
            synchronized (this) {
                while (idle.isEmpty() && !all.isEmpty() && all.size() + starting >= MAX_CONTEXTS) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a script context", e);
                    }
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (all.isEmpty()) {
                    Loaded first = load();
                    all.add(first);
                    return first;
                }
                starting++;
            }
            Loaded fresh = null;
            try {
                fresh = load();
                return fresh;
            } finally {
                synchronized (this) {
                    starting--;
                    if (fresh != null) {
                        all.add(fresh);
                    }
                    notifyAll();
                }
            }
        }

        synchronized void giveBack(Loaded loaded) {
            idle.push(loaded);
            notifyAll();
        }

        private Loaded load() {
            Context context = Context.newBuilder("js").engine(engine()).allowAllAccess(false).build();
            Loaded loaded = loader.apply(context);
            loads.incrementAndGet();
            return loaded;
        }

        synchronized void close() {
            all.forEach(l -> l.context().close());
            all.clear();
            idle.clear();
        }
    }

    private Loaded loadKatex(Context context) {
        context.eval(script(KATEX, "katex.min.js", false).orElseThrow());
        return new Loaded(context, context.getBindings("js").getMember("katex"), Map.of());
    }

    private Loaded loadHighlightJs(Context context) {
        Map<String, Value> modules = new HashMap<>();
        Value core = require(context, modules, "core");
        return new Loaded(context, core, modules);
    }

    /**
     * Evaluates one of highlight.js's CommonJS modules in the context, once, and returns what it exports; a module
     * that requires another ({@code common} requires the core and its languages) gets it from the same context.
     */
    private Value require(Context context, Map<String, Value> modules, String module) {
        Value exports = modules.get(module);
        if (exports != null) {
            return exports;
        }
        Source source = module(module)
                .orElseThrow(() -> new IllegalStateException(HIGHLIGHT + module + ".js is not on the classpath"));
        Value moduleObject = context.eval("js", "({exports: {}})");
        ProxyExecutable requireFunction = arguments ->
                require(context, modules, arguments[0].asString().replaceFirst("^\\./", ""));
        context.eval(source).execute(moduleObject, moduleObject.getMember("exports"), requireFunction);
        exports = moduleObject.getMember("exports");
        modules.put(module, exports);
        return exports;
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

    /** Loads highlight.js's core now rather than on first use. */
    void warmUpHighlighting() {
        hljs.giveBack(hljs.borrow());
    }

    /** One of highlight.js's modules, by its path under {@code lib/} without {@code .js}. */
    private Optional<Source> module(String module) {
        return script(HIGHLIGHT + module + ".js", "highlight.js/lib/" + module + ".js", true);
    }

    /**
     * A script from the classpath, read and parsed once for the engine; a CommonJS {@code module} is wrapped in a
     * function of {@code module}, {@code exports} and {@code require}. Empty when there is no such resource.
     */
    private Optional<Source> script(String resource, String name, boolean module) {
        return sources.computeIfAbsent(resource, r -> {
            try (InputStream in = ScriptEngine.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    return Optional.empty();
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (module) {
                    text = "(function (module, exports, require) {" + text + "\n})";
                }
                return Optional.of(Source.newBuilder("js", text, name).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
            if (!knows(loaded, language)) {
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

    /**
     * Whether highlight.js in this context knows the language, after loading the language's module if there is
     * one of that name, or else the common languages, whose aliases ({@code py}, {@code sh}, ...) then resolve.
     */
    private boolean knows(Loaded loaded, String language) {
        Value hljs = loaded.library();
        if (!hljs.invokeMember("getLanguage", language).isNull()) {
            return true;
        }
        String name = language.toLowerCase(Locale.ROOT);
        if (hasModule(name)) {
            register(loaded, name);
        } else if (!loaded.modules().containsKey("common")) {
            require(loaded.context(), loaded.modules(), "common");
        }
        return !hljs.invokeMember("getLanguage", language).isNull();
    }

    private boolean hasModule(String language) {
        return MODULE_NAME.matcher(language).matches() && module("languages/" + language).isPresent();
    }

    /**
     * Registers a language from its module, and then the languages its grammar hands parts of the text to that
     * are not registered yet (a shell session's commands are bash, JavaScript's JSX is XML): without them those
     * parts stay plain.
     */
    private void register(Loaded loaded, String language) {
        Value hljs = loaded.library();
        hljs.invokeMember("registerLanguage", language,
                require(loaded.context(), loaded.modules(), "languages/" + language));
        String subLanguages = loaded.context().eval(SUB_LANGUAGES)
                .execute(hljs.invokeMember("getLanguage", language)).asString();
        for (String sub : subLanguages.split(" ")) {
            if (!sub.isEmpty() && hljs.invokeMember("getLanguage", sub).isNull() && hasModule(sub)) {
                register(loaded, sub);
            }
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
